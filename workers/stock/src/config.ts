import * as v from "valibot";
import { BaseConfig, configLoader } from "../../../shared/config";

export const loadStockConfig = configLoader("stock", v.object({ ...BaseConfig }));
