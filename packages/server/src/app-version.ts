/** The API's version, as the OpenAPI document and /v1/me report it. */
export const API_VERSION = '0.1.0';
