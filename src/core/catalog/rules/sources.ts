/**
 * Where the rules of this folder come from. Every rule names at least one of these addresses, so a
 * reader (and a test) can open the page and check it. Pages of the Chinese site are
 * `cloud.tencent.com/document/api/647/<id>`, pages of the international site
 * `www.tencentcloud.com/document/product/647/<id>` or their trtc.io mirror `trtc.io/document/<id>`.
 */

/** A page of the Chinese site's API reference for TRTC. */
export function cnDoc(id: number): string {
  return `https://cloud.tencent.com/document/api/647/${id}`;
}

/** A page of the international site's API reference for TRTC. */
export function intlDoc(id: number): string {
  return `https://www.tencentcloud.com/document/product/647/${id}`;
}

/** The trtc.io copy of an international page; some newer pages were only found there. */
export function trtcIo(id: number): string {
  return `https://trtc.io/document/${id}`;
}

/**
 * The CN SDK's model declarations, whose descriptions the generator reads. Facts derived from a
 * description at generation time, and hand-written facts that restate one, cite this file.
 */
export const CN_SDK_MODELS = 'https://github.com/TencentCloud/tencentcloud-sdk-nodejs/blob/master/src/services/trtc/v20190722/trtc_models.ts';

/** The international SDK's models, the English counterpart of {@link CN_SDK_MODELS}. */
export const INTL_SDK_MODELS = 'https://github.com/TencentCloud/tencentcloud-sdk-nodejs-intl-en/blob/master/tencentcloud/trtc/v20190722/models.js';

/** The international SDK's client, whose method comments describe the actions only it declares. */
export const INTL_SDK_CLIENT = 'https://github.com/TencentCloud/tencentcloud-sdk-nodejs-intl-en/blob/master/tencentcloud/trtc/v20190722/trtc_client.js';

/** The international API overview, whose tables give each action's calls per second. */
export const API_OVERVIEW = intlDoc(34260);
