export { handleV1Request } from "./router";
export { runRestHandler, type RestCall, type RestHandler } from "./endpoint";
