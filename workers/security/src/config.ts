import * as v from "valibot";
import { BaseConfig, configLoader } from "../../../shared/config";

export const loadSecurityConfig = configLoader("security", v.object({ ...BaseConfig }));
