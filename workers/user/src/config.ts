import * as v from "valibot";
import { BaseConfig, configLoader } from "../../../shared/config";

export const loadUserConfig = configLoader("user", v.object({ ...BaseConfig }));
