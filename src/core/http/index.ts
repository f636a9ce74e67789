/** The HTTP layer: endpoints, the pooled client, proxy choice, transport errors and response decoding. */
export { bodySnippet, decodeResponse, SNIPPET_MAX_CHARS, type DecodedResponse } from './decodeResponse';
export {
  findRegion,
  INTL_HOST,
  isLoopbackHost,
  NEAREST_HOST,
  NEAREST_LABEL,
  regionHost,
  REGIONS,
  resolveEndpoint,
  type EndpointChoice,
  type RegionInfo,
  type ResolvedEndpoint,
} from './endpoints';
export {
  assertTrustedEndpoint,
  canonicalOrigin,
  isTencentOrigin,
  TENCENT_ORIGINS,
  tencentOnly,
  trustableOrigin,
  trustOrigins,
  UntrustedEndpointError,
  type EndpointPolicy,
} from './endpointPolicy';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUTS,
  HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type HttpTimeouts,
} from './httpClient';
export { bypassesProxy, chooseProxy, normalizeProxyUrl, parseNoProxy, type NoProxyRule, type ProxyChoice, type ProxySettings } from './proxy';
export { toTransportError, type TransportContext } from './transportErrors';
