export { handleV1Request, openApiDocument } from "./router";
export { handleHealthRequest, handleReadyRequest } from "./health";
export { handleMetricsRequest } from "./metrics";
export { unexpectedErrorResponse } from "./unexpected-error";
