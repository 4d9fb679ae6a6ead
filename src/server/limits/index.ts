export { bodyLimits, JSON_BODY_LIMIT_BYTES } from "./body-limits.ts";
export { checkDeclaredLength, type ReceivedUpload, receiveUpload, tooLarge } from "./receive-upload.ts";
export { securityHeaders } from "./security-headers.ts";
