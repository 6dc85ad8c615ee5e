export { handleV1Request, openApiDocument } from "./router";
