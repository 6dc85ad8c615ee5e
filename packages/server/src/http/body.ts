import type { ErrorCode, ValidationErrorItem } from "@garment/schemas";
import { ApiError } from "../errors";

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function errorResponse(error: ApiError, requestId: string): Response {
  const envelope: {
    error: { code: ErrorCode; message: string; request_id: string };
    detail?: ValidationErrorItem[];
  } = {
    error: { code: error.code, message: error.message, request_id: requestId },
  };
  // 422s carry FastAPI's `detail` too, first, as FastAPI clients expect.
  const body = error.detail ? { detail: error.detail, ...envelope } : envelope;
  return json(body, error.status, error.headers);
}

/** The raw body as text, refused with 413 past `maxBytes` (declared or actually sent). */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw payloadTooLarge(maxBytes);
  return readTextCapped(request, maxBytes);
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") {
    throw new ApiError("VALIDATION_ERROR", "Request validation failed: body.", [
      { loc: ["body"], msg: "Field required", type: "missing" },
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    throw new ApiError(
      "VALIDATION_ERROR",
      "Request validation failed: the body is not valid JSON.",
      [
        {
          loc: ["body", position ? Number(position) : 0],
          msg: "JSON decode error",
          type: "json_invalid",
        },
      ],
    );
  }
}

function payloadTooLarge(maxBytes: number) {
  return new ApiError("PAYLOAD_TOO_LARGE", `The request body exceeds ${maxBytes} bytes.`);
}

async function readTextCapped(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
    if (done || !value) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
