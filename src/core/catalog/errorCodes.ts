/** Text in both languages the extension ships. */
export interface LocalizedText {
  en: string;
  zh: string;
}

/** What the explorer tells a developer about one API error code, shown next to a failed response. */
export interface ErrorCodeInfo {
  /** The exact `Response.Error.Code`, such as `AuthFailure.SignatureFailure`. */
  code: string;
  /** `common` for the codes every Tencent Cloud API shares, `trtc` for the ones only TRTC returns. */
  scope: 'common' | 'trtc';
  /** What went wrong, in plain words. */
  explanation: LocalizedText;
  /** What to do about it, concretely. */
  nextStep: LocalizedText;
  /** The failure is about signing or credentials, so the UI offers the signature debugger. */
  signature?: true;
  /** The failure is transient, so repeating a read-only call unchanged after a pause may succeed. */
  retryable?: true;
}

type Pair = readonly [en: string, zh: string];

interface Flags {
  signature?: true;
  retryable?: true;
}

function entry(code: string, scope: ErrorCodeInfo['scope'], explanation: Pair, nextStep: Pair, flags: Flags = {}): ErrorCodeInfo {
  return Object.freeze({
    code,
    scope,
    explanation: Object.freeze({ en: explanation[0], zh: explanation[1] }),
    nextStep: Object.freeze({ en: nextStep[0], zh: nextStep[1] }),
    ...flags,
  });
}

// The flags follow two rules, so that the UI can act on them without second-guessing.
//
// `signature` marks the codes that mean the request's signature, key pair, timestamp or session token was
// rejected. Those are the five codes Tencent lists under signature failures, the malformed Authorization
// header, and the bare `AuthFailure` that TRTC returns without saying which check failed. Permission
// problems (CAM, MFA, SdkAppId ownership) are not signature problems and are not marked.
//
// `retryable` marks codes whose cause lies on Tencent's side or in rate limiting, so the identical request
// can succeed a little later: `InternalError` and its subcodes, the `RequestLimitExceeded` family,
// `ServiceUnavailable`, TRTC's own frequency limits, and failures of TRTC's storage, ID allocation or
// third-party back ends. Four `InternalError` subcodes are left out because their cause is deterministic
// and a retry would fail the same way (`MethodErr`, `UserNotExist`, and the two HTTP parse failures).
// `ResourceUnavailable` is left out as well: for TRTC it usually means a suspended application or
// service, which waiting does not fix.
const SIGNATURE = { signature: true } as const;
const RETRYABLE = { retryable: true } as const;

const SUPPORT_EN = 'If it keeps happening, open a support ticket and quote the RequestId from the response.';
const SUPPORT_ZH = '如果反复出现，请提交工单，并附上响应里的 RequestId。';

const common = (code: string, explanation: Pair, nextStep: Pair, flags?: Flags): ErrorCodeInfo =>
  entry(code, 'common', explanation, nextStep, flags);
const trtc = (code: string, explanation: Pair, nextStep: Pair, flags?: Flags): ErrorCodeInfo =>
  entry(code, 'trtc', explanation, nextStep, flags);

const COMMON_CODES: readonly ErrorCodeInfo[] = [
  common(
    'ActionOffline',
    [
      'This action has been retired and the service no longer answers it. Older TRTC query actions such as DescribeCallDetail or DescribeRealtimeQuality were replaced by newer ones.',
      '这个接口已经下线，服务端不再处理。TRTC 早期的查询接口（如 DescribeCallDetail、DescribeRealtimeQuality）都已被新接口取代。',
    ],
    [
      'Pick the current replacement from the catalog (for example DescribeCallDetailInfo instead of DescribeCallDetail, DescribeTRTCMarketScaleData instead of DescribeTRTCMarketScaleMetricData).',
      '在目录中改用对应的新接口，例如用 DescribeCallDetailInfo 代替 DescribeCallDetail，用 DescribeTRTCMarketScaleData 代替 DescribeTRTCMarketScaleMetricData。',
    ],
  ),
  common(
    'AuthFailure.InvalidAuthorization',
    [
      'The Authorization header could not even be parsed. It must read "TC3-HMAC-SHA256 Credential=<SecretId>/<date>/trtc/tc3_request, SignedHeaders=..., Signature=..."; a missing part, a wrong algorithm name or a broken credential scope all end here.',
      'Authorization 请求头的格式无法解析。它应当形如 “TC3-HMAC-SHA256 Credential=<SecretId>/<日期>/trtc/tc3_request, SignedHeaders=..., Signature=...”；少了某一段、算法名写错或凭证范围拼错都会报这个错。',
    ],
    [
      'Run the "Debug Signature" command on this request and compare the Authorization header it builds with the one that was sent. If you build the header yourself, check the separators ", " and the date in the scope (UTC, YYYY-MM-DD).',
      '对这个请求运行“Debug Signature”（调试签名）命令，对比它生成的 Authorization 头和实际发出的是否一致。如果是自己拼的请求头，重点检查分隔符 “, ” 以及凭证范围里的日期（UTC，YYYY-MM-DD）。',
    ],
    SIGNATURE,
  ),
  common(
    'AuthFailure.InvalidSecretId',
    [
      'The SecretId is not a Tencent Cloud API key at all. A common mix-up is pasting the TRTC application\'s SDKSecretKey (used only to generate UserSig) or the SdkAppId; real API SecretIds usually start with "AKID".',
      '所填的 SecretId 根本不是腾讯云 API 密钥。常见原因是把 TRTC 应用的 SDKSecretKey（只用于生成 UserSig）或 SdkAppId 当成了 SecretId；真正的 API SecretId 通常以 “AKID” 开头。',
    ],
    [
      'Create or copy an API key pair from the Tencent Cloud console (Access Management > API keys) and store it again with the extension\'s credentials command.',
      '到腾讯云控制台“访问管理 > API 密钥”中创建或复制一对 API 密钥，再用扩展的凭据命令重新保存。',
    ],
    SIGNATURE,
  ),
  common(
    'AuthFailure.MFAFailure',
    [
      'Multi-factor authentication is required for this operation and was not satisfied. The account or sub-user has operation protection turned on for sensitive actions.',
      '该操作要求多因素认证（MFA），但本次请求没有通过。账号或子用户对敏感操作开启了操作保护。',
    ],
    [
      'Ask the account administrator to adjust operation protection in Access Management for the key used here, or use a key whose owner is not subject to MFA for API calls.',
      '请账号管理员在访问管理中调整该密钥所属用户的操作保护设置，或改用不要求 MFA 的用户的密钥。',
    ],
  ),
  common(
    'AuthFailure.SecretIdNotFound',
    [
      'Tencent Cloud has no key with this SecretId. It was deleted or disabled in the console, or was pasted with a stray space or a missing character.',
      '腾讯云找不到这个 SecretId 对应的密钥：可能已在控制台删除或停用，或者复制时带了空格、少了字符。',
    ],
    [
      'Check in the console (Access Management > API keys) that the key exists and is enabled, then re-enter it with the credentials command, copying it without surrounding whitespace.',
      '到控制台“访问管理 > API 密钥”确认该密钥存在且已启用，再通过凭据命令重新填写，注意不要带上首尾空白。',
    ],
    SIGNATURE,
  ),
  common(
    'AuthFailure.SignatureExpire',
    [
      'The request\'s timestamp is more than 5 minutes away from Tencent Cloud\'s clock, so the signature is treated as expired. Usually this computer\'s clock is wrong, or a request saved earlier was replayed with its old timestamp.',
      '请求里的时间戳与腾讯云服务器时间相差超过 5 分钟，签名被视为过期。通常是本机时钟不准，或者重放了之前保存的、带旧时间戳的请求。',
    ],
    [
      'Sync the system clock (NTP) and send again; the extension signs every request with the current time. If the clock cannot be fixed, sign with the server\'s time taken from the Date header of any response. "Debug Signature" shows the timestamp that was signed.',
      '同步系统时钟（NTP）后重新发送；扩展每次都会用当前时间重新签名。如果无法校准本机时钟，可改用服务器时间签名（任意一次响应的 Date 头里就有）。“Debug Signature”（调试签名）会显示签名时使用的时间戳。',
    ],
    SIGNATURE,
  ),
  common(
    'AuthFailure.SignatureFailure',
    [
      'Tencent Cloud recomputed the signature from what it received and got a different value. Typical causes: the SecretKey does not belong to this SecretId; the string to sign was built from something other than what was sent (host, action, a signed header); the body was re-serialized or re-encoded after signing; or the Content-Type sent differs from the signed one.',
      '腾讯云根据收到的请求重新计算签名，结果对不上。常见原因：SecretKey 与 SecretId 不是一对；待签字符串所用的内容与实际发送的不同（Host、Action 或某个参与签名的请求头）；签名后请求体又被重新序列化或重新编码；实际发送的 Content-Type 与签名时用的不一致。',
    ],
    [
      'Run the extension\'s "Debug Signature" command on this request to see the canonical request and string to sign step by step, and compare them with what was sent. If they match, re-enter the SecretKey: it is probably wrong.',
      '对这个请求运行扩展的“Debug Signature”（调试签名）命令，逐步查看规范请求串和待签字符串，并与实际发送的内容对比。如果两者一致，基本就是 SecretKey 填错了，请重新填写。',
    ],
    SIGNATURE,
  ),
  common(
    'AuthFailure.TokenFailure',
    [
      'The session token (X-TC-Token) of temporary credentials was rejected: it has expired, does not belong to the temporary SecretId it came with, or a token was sent together with a permanent key.',
      '临时凭证的会话令牌（X-TC-Token）被拒绝：令牌已过期、与同时提交的临时 SecretId 不匹配，或者在使用永久密钥时也带上了令牌。',
    ],
    [
      'Fetch a fresh set of temporary credentials (SecretId, SecretKey and token together) and store all three; with a permanent key, clear the token field.',
      '重新获取一整套临时凭证（SecretId、SecretKey、Token 三者配套）并一起保存；如果用的是永久密钥，请清空令牌。',
    ],
    SIGNATURE,
  ),
  common(
    'AuthFailure.UnauthorizedOperation',
    [
      'The signature was fine, but CAM says the user behind this key may not call this action (or may not touch this resource). Sub-users and roles only get what their policies grant.',
      '签名本身没问题，但 CAM 判定该密钥所属用户无权调用这个接口或操作这个资源。子用户和角色只拥有策略授予的权限。',
    ],
    [
      'Ask the account administrator to attach a policy that allows trtc:<Action> (or TRTC full access) to this user, or call with a key that has it.',
      '请账号管理员给该用户关联允许 trtc:<接口名> 的策略（或 TRTC 全读写权限），或者换一个有权限的密钥。',
    ],
  ),
  common(
    'DryRunOperation',
    [
      'The request was only checked, not executed, because DryRun was set; it would have passed. TRTC actions do not normally take a DryRun flag, so one was probably added by hand.',
      '请求设置了 DryRun，所以只做了校验而没有真正执行（校验是通过的）。TRTC 接口一般不使用 DryRun，多半是手工加上的。',
    ],
    ['Remove the DryRun field and send again to actually perform the call.', '去掉 DryRun 字段后重新发送，请求才会真正执行。'],
  ),
  common(
    'FailedOperation',
    [
      'The request was well-formed, but the service could not carry it out in the current state, for example because the room or task it refers to is gone. The error message usually gives the reason.',
      '请求格式没有问题，但服务端在当前状态下无法执行，比如所操作的房间或任务已经不存在。具体原因一般写在错误信息里。',
    ],
    [
      'Read the Message text, check that the room, user or task still exists and belongs to this SdkAppId, then try again.',
      '先看错误信息，确认相关的房间、用户或任务仍然存在且属于当前 SdkAppId，再重试。',
    ],
  ),
  common(
    'InternalError',
    [
      'Something failed inside Tencent Cloud while handling the request. The code carries no detail and is not caused by your parameters as far as the service can tell.',
      '腾讯云在处理请求时内部出错。这个错误码不带具体原因，从服务端的判断看也不是参数造成的。',
    ],
    [`Wait a moment and retry. ${SUPPORT_EN}`, `稍等片刻后重试。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  common(
    'InvalidAction',
    [
      'No action with this name exists for trtc version 2019-07-22 at this endpoint. The name may be misspelled (names are case-sensitive) or retired long ago; the CN and international sites also offer slightly different action lists.',
      '在当前域名的 trtc 2019-07-22 版本下没有这个接口。可能是名字拼错了（区分大小写）或接口早已下线；另外，国内站和国际站提供的接口列表也略有差别。',
    ],
    [
      'Pick the action from the catalog instead of typing it, and check that the endpoint matches the site your account is on.',
      '从目录中选择接口而不要手输名字，并确认所用域名与账号所在站点一致。',
    ],
  ),
  common(
    'InvalidParameter',
    [
      'A parameter has the wrong shape: wrong type, bad format, or a value the service cannot interpret. Typical TRTC mistakes are a string room ID sent to a numeric-ID action, SdkAppId sent as text, or a time given in the wrong unit or format.',
      '某个参数的形式不对：类型错、格式错，或是服务端无法识别的值。TRTC 中常见的是把字符串房间号传给只支持数字房间号的接口、把 SdkAppId 写成字符串，或时间参数的单位、格式不对。',
    ],
    [
      'The Message usually names the field. Compare it with the form\'s type hints, and for rooms use the ByStrRoomId twin or RoomIdType=0 when the room ID is a string.',
      '错误信息里一般会写出字段名。请对照表单里的类型提示检查；如果房间号是字符串，请改用 ByStrRoomId 版本的接口或把 RoomIdType 设为 0。',
    ],
  ),
  common(
    'InvalidParameterValue',
    [
      'A parameter has the right type but a value that is not accepted: out of range, not one of the allowed options, or inconsistent with another field.',
      '参数类型没错，但取值不被接受：超出范围、不在允许的选项里，或者与其他字段矛盾。',
    ],
    [
      'Check the allowed values in the field\'s description in the form and the Message text, then correct the value.',
      '对照表单中该字段的说明和错误信息，确认允许的取值后再修改。',
    ],
  ),
  common(
    'InvalidRequest',
    [
      'The request body could not be read as the declared format; the code itself refers to a broken multipart body. TRTC actions take a JSON body, so this usually means the Content-Type and the body do not match.',
      '请求体无法按声明的格式解析；这个错误码本身指的是 multipart 请求体格式有误。TRTC 接口使用 JSON 请求体，所以一般是 Content-Type 与实际请求体不匹配。',
    ],
    [
      'Send the parameters as a JSON object with "Content-Type: application/json" (the extension does this by default).',
      '用 JSON 对象发送参数，并设置 “Content-Type: application/json”（扩展默认就是这样）。',
    ],
  ),
  common(
    'IpInBlacklist',
    [
      'The account has blocked API calls from the IP address this request came from.',
      '账号设置了 IP 黑名单，本次请求的来源 IP 被禁止调用 API。',
    ],
    [
      'Call from another network, or ask the account administrator to remove this IP from the blocklist.',
      '换一个网络环境调用，或请账号管理员把该 IP 从黑名单中移除。',
    ],
  ),
  common(
    'IpNotInWhitelist',
    [
      'The account only accepts API calls from listed IP addresses, and this request came from an address not on the list (a VPN or proxy often changes the address).',
      '账号只允许白名单内的 IP 调用 API，而本次请求的来源 IP 不在名单里（使用 VPN 或代理时出口 IP 常常会变）。',
    ],
    [
      'Call from an allowed network, or ask the account administrator to add your outgoing IP to the allowlist.',
      '从白名单内的网络调用，或请账号管理员把你的出口 IP 加入白名单。',
    ],
  ),
  common(
    'LimitExceeded',
    [
      'A quota was exceeded, such as the number of resources or concurrent tasks the account may have.',
      '超出了某项配额，比如账号可拥有的资源数量或可同时运行的任务数。',
    ],
    [
      'Release resources you no longer need (stop idle tasks) and try again, or ask support to raise the quota.',
      '释放不再需要的资源（例如停止闲置任务）后重试，或联系技术支持提高配额。',
    ],
  ),
  common(
    'MissingParameter',
    [
      'A required parameter is absent. Some fields are only required in combination with others (for example a nested field inside RecordParams, or a field needed for one Command value).',
      '缺少必填参数。有些字段只在特定组合下才必填，比如 RecordParams 内部的嵌套字段，或某个 Command 取值所需的字段。',
    ],
    [
      'The Message usually names the field; fill it in (required fields are marked in the form, including nested ones) and resend.',
      '错误信息里一般会写出缺少的字段；按表单中的必填标记（包括嵌套字段）补齐后再发送。',
    ],
  ),
  common(
    'NoSuchProduct',
    [
      'The service name derived from the host is not a product. The host must be trtc.tencentcloudapi.com or trtc.<region>.tencentcloudapi.com, and the credential scope must name the service "trtc".',
      '由请求域名得出的服务名不存在。域名应为 trtc.tencentcloudapi.com 或 trtc.<地域>.tencentcloudapi.com，凭证范围里的服务名应为 “trtc”。',
    ],
    [
      'Check the endpoint setting; "Debug Signature" shows the service used in the credential scope.',
      '检查域名配置；“Debug Signature”（调试签名）会显示凭证范围中使用的服务名。',
    ],
  ),
  common(
    'NoSuchVersion',
    [
      'The X-TC-Version header names an API version the service does not have. TRTC\'s only version is 2019-07-22.',
      'X-TC-Version 请求头中的版本号不存在。TRTC 只有 2019-07-22 这一个版本。',
    ],
    ['Set the version to 2019-07-22.', '把版本号改为 2019-07-22。'],
  ),
  common(
    'RequestLimitExceeded',
    [
      'Too many calls in a short time. Most TRTC actions allow about 20 calls per second, and the usage queries (DescribeTrtcUsage and similar) about 5.',
      '短时间内调用过于频繁。TRTC 多数接口的上限约为每秒 20 次，用量查询类接口（如 DescribeTrtcUsage）约为每秒 5 次。',
    ],
    [
      'Wait a second or two and retry, spacing calls out (back off further on each repeat).',
      '等一两秒再重试，并拉开调用间隔（反复出现时逐步加长等待）。',
    ],
    RETRYABLE,
  ),
  common(
    'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
    [
      'The account (UIN) has exceeded its call rate for this action across all regions combined.',
      '该账号（UIN）在所有地域合计的调用频率超出了限制。',
    ],
    [
      'Slow down: retry after a pause, and spread calls from all your services over time.',
      '降低频率：稍后重试，并把各个服务发出的调用在时间上错开。',
    ],
    RETRYABLE,
  ),
  common(
    'RequestLimitExceeded.IPLimitExceeded',
    [
      'Too many calls came from this IP address in a short time, regardless of account.',
      '同一 IP 地址短时间内发出的调用太多（不区分账号）。',
    ],
    [
      'Retry after a pause; if several tools or machines share one outgoing IP, stagger their calls.',
      '稍后重试；如果多台机器或多个工具共用一个出口 IP，请错开调用。',
    ],
    RETRYABLE,
  ),
  common(
    'RequestLimitExceeded.UinLimitExceeded',
    [
      'The account (UIN) made too many calls to this action in a short time.',
      '该账号（UIN）短时间内调用这个接口的次数过多。',
    ],
    [
      'Retry after a pause and lower the call rate; ask support if you need a higher limit.',
      '稍后重试并降低调用频率；确实需要更高上限时可联系技术支持。',
    ],
    RETRYABLE,
  ),
  common(
    'RequestSizeLimitExceeded',
    [
      'The request is larger than the service accepts: GET requests are limited to 32 KB, POST signed with HmacSHA1/HmacSHA256 to 1 MB, and POST signed with TC3-HMAC-SHA256 to 10 MB. Base64 audio or images are the usual cause.',
      '请求超出了大小上限：GET 最多 32 KB，使用 HmacSHA1/HmacSHA256 签名的 POST 最多 1 MB，使用 TC3-HMAC-SHA256 签名的 POST 最多 10 MB。多半是 base64 编码的音频或图片太大。',
    ],
    [
      'Send as POST with TC3-HMAC-SHA256, and shorten or compress the embedded audio or image.',
      '改用 POST 加 TC3-HMAC-SHA256 签名，并缩短或压缩内嵌的音频、图片。',
    ],
  ),
  common(
    'ResourceInUse',
    [
      'The resource is busy with another operation or already in the state you asked for, for example a task that is already running.',
      '资源正被其他操作占用，或已经处于你要设置的状态，比如任务已在运行。',
    ],
    [
      'Check the resource\'s current state with the matching Describe action, then stop it or reuse it instead of creating it again.',
      '先用对应的 Describe 接口查看资源当前状态，再决定停止它或直接复用，而不是重复创建。',
    ],
  ),
  common(
    'ResourceInsufficient',
    [
      'The service lacks the capacity or the account lacks the remaining quota or balance to serve this request.',
      '服务端容量不足，或账号剩余的配额、余额不足以处理此请求。',
    ],
    [
      'Check the account balance and packages in the console; if they are fine, try again later.',
      '在控制台检查账号余额和资源包；如果都正常，稍后再试。',
    ],
  ),
  common(
    'ResourceNotFound',
    [
      'The thing the request refers to does not exist. For TRTC this is often a TaskId that has already ended (tasks can only be queried while running), a room nobody is in, or an ID from another SdkAppId.',
      '请求所指的对象不存在。在 TRTC 中通常是任务已结束（任务只有在运行时才能查询）、房间里已经没人，或者 ID 属于另一个 SdkAppId。',
    ],
    [
      'Check the ID and that it belongs to this SdkAppId; for ended tasks, rely on the event callbacks instead of polling.',
      '核对 ID 及其所属的 SdkAppId；对已结束的任务，请依靠事件回调获取结果，而不要轮询。',
    ],
  ),
  common(
    'ResourceUnavailable',
    [
      'The resource exists but cannot be used now, for example because the application or service is disabled, not yet activated, or suspended for an overdue balance.',
      '资源存在但当前不可用，比如应用或服务已停用、尚未开通，或因欠费被暂停。',
    ],
    [
      'Check the application\'s status and the account\'s billing in the TRTC console, fix whatever is suspended, then try again.',
      '在 TRTC 控制台检查应用状态和账号计费情况，解除停用或欠费后再试。',
    ],
  ),
  common(
    'ResponseSizeLimitExceeded',
    [
      'The result would be too large to return in one response.',
      '结果数据太多，无法在一次响应中返回。',
    ],
    [
      'Narrow the query: a shorter time range, fewer users or a smaller PageSize, and fetch the rest in further calls.',
      '缩小查询范围：缩短时间段、减少用户数或调小 PageSize，其余部分分多次获取。',
    ],
  ),
  common(
    'ServiceUnavailable',
    [
      'The service is temporarily unable to handle requests, for example during maintenance or overload.',
      '服务暂时无法处理请求，比如正在维护或负载过高。',
    ],
    [`Retry after a short wait, backing off if it repeats. ${SUPPORT_EN}`, `稍等后重试，反复失败时逐步延长间隔。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  common(
    'UnauthorizedOperation',
    [
      'The caller is not allowed to do this. For TRTC this usually means the SdkAppId belongs to a different account than the key, or a CAM policy excludes this resource.',
      '调用者无权执行此操作。在 TRTC 中通常是 SdkAppId 不属于密钥所在的账号，或 CAM 策略没有覆盖这个资源。',
    ],
    [
      'Use a key from the account that owns the application, or ask the administrator to grant access to it.',
      '改用应用所属账号的密钥，或请管理员授予相应权限。',
    ],
  ),
  common(
    'UnknownParameter',
    [
      'The request contains a field this action does not define. Typical causes are a typo or wrong capitalisation (names are case-sensitive), a field copied from another action, or one that exists only in the other site\'s spec.',
      '请求里有这个接口没有定义的字段。常见原因是拼写或大小写错误（字段名区分大小写）、从别的接口复制来的字段，或者该字段只存在于另一个站点的接口定义中。',
    ],
    [
      'Remove or rename the field named in the Message; the form lists the fields this action accepts.',
      '删除或改正错误信息中提到的字段；表单里列出了该接口接受的全部字段。',
    ],
  ),
  common(
    'UnsupportedOperation',
    [
      'The service does not support this operation in this situation, for example on this kind of application, task or room, or with this combination of options.',
      '在当前情况下不支持该操作，比如对这类应用、任务或房间，或这种参数组合不支持。',
    ],
    [
      'Read the Message text and the action\'s notes, then change the options or the target; ask support if the scenario should be supported.',
      '结合错误信息和接口说明调整参数或操作对象；如果认为该场景理应支持，请联系技术支持。',
    ],
  ),
  common(
    'UnsupportedProtocol',
    [
      'The HTTP method or protocol is not accepted: the API only takes GET or POST over HTTPS.',
      '请求方法或协议不被接受：API 只支持通过 HTTPS 发送的 GET 或 POST 请求。',
    ],
    ['Send the request as an HTTPS POST (the default here).', '改用 HTTPS POST 发送（扩展默认即如此）。'],
  ),
  common(
    'UnsupportedRegion',
    [
      'This action cannot be served in the region the request named. Several TRTC actions only run in some regions: StartPublishCdnStream in ap-guangzhou, ap-hongkong and ap-singapore; DescribeRelayUsage in ap-guangzhou and ap-singapore; the AI conversation actions in ap-guangzhou, ap-singapore, ap-tokyo and na-siliconvalley; CreateCloudModeration and CreateLiveStreamModeration in ap-shanghai.',
      '该接口不支持请求中指定的地域。TRTC 有些接口只在部分地域提供：StartPublishCdnStream 仅限 ap-guangzhou、ap-hongkong、ap-singapore；DescribeRelayUsage 仅限 ap-guangzhou、ap-singapore；AI 对话相关接口仅限 ap-guangzhou、ap-singapore、ap-tokyo、na-siliconvalley；CreateCloudModeration 和 CreateLiveStreamModeration 仅限 ap-shanghai。',
    ],
    [
      'Change the request\'s Region to one the action supports and send again.',
      '把请求的地域（Region）改为该接口支持的地域后重新发送。',
    ],
  ),
];

const TRTC_CODES: readonly ErrorCodeInfo[] = [
  trtc(
    'AuthFailure',
    [
      'Authentication failed, and TRTC did not say which check failed: it can be the signature, the key pair or a missing permission.',
      '鉴权失败，但 TRTC 没有说明是哪一项没通过：可能是签名、密钥，也可能是权限不足。',
    ],
    [
      'Run "Debug Signature" to rule out a signing problem first; if the signature checks out, verify that the key\'s user has TRTC permissions.',
      '先运行“Debug Signature”（调试签名）排除签名问题；签名无误的话，再确认该密钥所属用户拥有 TRTC 权限。',
    ],
    SIGNATURE,
  ),
  trtc(
    'AuthFailure.UnRealNameAuthenticated',
    [
      'The account has not completed real-name identity verification, which Tencent Cloud requires before this action can be used.',
      '账号还没有完成实名认证，而腾讯云要求实名后才能使用这个接口。',
    ],
    [
      'Complete identity verification in the Tencent Cloud console (Account Center), then call again.',
      '在腾讯云控制台的账号中心完成实名认证后再调用。',
    ],
  ),
  trtc(
    'AuthFailure.UnsupportedOperation',
    [
      'The authentication layer refused this action for these credentials. TRTC publishes no further detail; it is often the type of user or role behind the key that is not allowed this call.',
      '鉴权环节拒绝这组凭证调用该接口。TRTC 没有公开更多细节，多半是密钥背后的用户或角色类型不允许这样调用。',
    ],
    [`Try with a key of the account that owns the application. ${SUPPORT_EN}`, `换用应用所属主账号的密钥试试。${SUPPORT_ZH}`],
  ),
  trtc(
    'FailedOperation.CRUnsupportMethod',
    [
      'Cloud recording does not support this call for this task or application, for example a change a running task cannot accept, or a feature not enabled for the app\'s recording setup.',
      '云端录制不支持对当前任务或应用执行这个调用，比如进行中的任务无法接受该修改，或应用的录制配置没有开启相应功能。',
    ],
    [
      'Check the recording mode and options against the CreateCloudRecording notes; stop the task and start a new one with the desired settings if a change is not supported.',
      '对照 CreateCloudRecording 的说明检查录制模式和参数；若不支持修改，就停止任务后用新参数重新开始。',
    ],
  ),
  trtc(
    'FailedOperation.CSUnsupportMethod',
    [
      'Cloud slicing does not support this call for this task, for example an update a running slicing task cannot take.',
      '云端切片不支持对当前任务执行这个调用，比如进行中的切片任务无法接受该更新。',
    ],
    [
      'Change only what ModifyCloudSliceTask allows (the subscription lists), or stop the task and start a new one.',
      '只修改 ModifyCloudSliceTask 允许修改的内容（订阅黑白名单），否则停止任务后重新创建。',
    ],
  ),
  trtc(
    'FailedOperation.CTUnsupportMethod',
    [
      'Cloud transcription does not support this call for this task in its current state.',
      '云端转录不支持在当前状态下对该任务执行这个调用。',
    ],
    [
      'Check the task\'s state with DescribeCloudTranscription; if it has ended, start a new transcription.',
      '用 DescribeCloudTranscription 查看任务状态；如果任务已结束，请重新发起转录。',
    ],
  ),
  trtc(
    'FailedOperation.CosOperationFailed',
    [
      'The service failed to write the uploaded material (image or audio) to its own object storage. This is a back-end fault, not a problem with your file.',
      '服务端在把上传的素材（图片或音频）写入自身对象存储时失败。这是后台故障，并非文件本身有问题。',
    ],
    [`Try the upload again after a short wait. ${SUPPORT_EN}`, `稍等后重新上传。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'FailedOperation.DbOperationFailed',
    [
      'A database operation inside the service failed while saving or reading your data (voiceprints, pictures). This is a back-end fault.',
      '服务端在保存或读取数据（声纹、图片等）时数据库操作失败，属于后台故障。',
    ],
    [`Retry after a short wait. ${SUPPORT_EN}`, `稍等后重试。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'FailedOperation.GenVoicePrintIdFailed',
    [
      'The service could not allocate an ID for the new voiceprint. The audio was not at fault; the failure is on the service side.',
      '服务端未能为新声纹分配 ID。问题出在服务端，与音频本身无关。',
    ],
    [`Register the voiceprint again after a short wait. ${SUPPORT_EN}`, `稍等后重新注册声纹。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'FailedOperation.MixSessionNotExist',
    [
      'The room has no legacy mixing session to act on: mixing was never started there, has already stopped, or the room was dismissed.',
      '房间里没有可操作的旧版混流：从未启动过、已经停止，或者房间已解散。',
    ],
    [
      'Check the room ID and its type (numeric vs string twin). Nothing needs stopping if mixing already ended.',
      '核对房间号及其类型（数字房间号或字符串房间号对应的接口）。如果混流已经结束，就无需再停止。',
    ],
  ),
  trtc(
    'FailedOperation.NotAbility',
    [
      'The feature behind this action is not unlocked for the application. Several TRTC capabilities need a package first: the call-quality queries (DescribeRoomInfo, DescribeUserInfo and similar, since April 2024), stream ingest, and extra speech-recognition languages among them.',
      '该接口对应的功能没有为应用解锁。TRTC 有些能力要先购买套餐：例如通话质量查询类接口（DescribeRoomInfo、DescribeUserInfo 等，自 2024 年 4 月起）、输入在线媒体流，以及语音识别的更多语种。',
    ],
    [
      'Subscribe to a package that includes the feature (the TRTC console shows which edition unlocks it), then call again.',
      '订阅包含该能力的套餐（TRTC 控制台会显示需要哪个版本）后再调用。',
    ],
  ),
  trtc(
    'FailedOperation.NotAllowed',
    [
      'TRTC does not allow this operation for your application; it is switched off for this account rather than misconfigured in the request.',
      'TRTC 不允许你的应用执行此操作；这是账号层面的限制，而不是请求参数写错了。',
    ],
    [
      'Open a support ticket describing what you want to do and quote the RequestId; the restriction can only be lifted on Tencent\'s side.',
      '提交工单说明你的使用场景，并附上 RequestId；这项限制只能由腾讯云侧解除。',
    ],
  ),
  trtc(
    'FailedOperation.NotRtmpFunction',
    [
      'The request needs RTMP support (pushing to or pulling from an RTMP address), which is not enabled for this application.',
      '请求需要 RTMP 能力（向 RTMP 地址推流或从中拉流），但该应用没有开启。',
    ],
    [
      'Enable the relevant relay or RTMP feature for the application in the TRTC console, or use a non-RTMP address.',
      '在 TRTC 控制台为该应用开启相应的转推或 RTMP 功能，或改用非 RTMP 地址。',
    ],
  ),
  trtc(
    'FailedOperation.QueryTaskInfoFailed',
    [
      'Looking up the task failed: the TaskId may not match this SdkAppId, the task may have ended, or the lookup itself failed on the service side.',
      '查询任务信息失败：可能是 TaskId 与当前 SdkAppId 对不上、任务已结束，也可能是服务端查询本身出错。',
    ],
    [
      'Check that the TaskId came from a start call with the same SdkAppId; if it did, retry shortly.',
      '确认 TaskId 来自同一 SdkAppId 下的启动请求；如果确实如此，请稍后重试。',
    ],
  ),
  trtc(
    'FailedOperation.RequestOutdated',
    [
      'The service considers the request stale. TRTC does not document the exact trigger; the likely ones are an UpdatePublishCdnStream whose SequenceNumber is not larger than the previous update\'s, or a timestamp field in the parameters (such as ReqTimestamp) that is too old.',
      '服务端认为这是一个过期的请求。TRTC 没有说明具体触发条件，最可能的是 UpdatePublishCdnStream 的 SequenceNumber 没有比上一次更新时更大，或者参数里的时间戳字段（如 ReqTimestamp）太旧。',
    ],
    [
      'Send a strictly increasing SequenceNumber on every update of the same task, and fill timestamp fields with the current time.',
      '同一任务每次更新时让 SequenceNumber 严格递增，时间戳类字段填写当前时间。',
    ],
  ),
  trtc(
    'FailedOperation.RequestRejection',
    [
      'The server-side mixing request conflicts with mixing that the client SDK already set up in this room. The two kinds of mixing cannot run at once.',
      '服务端发起的混流与客户端 SDK 在该房间已设置的混流冲突，两种混流不能同时进行。',
    ],
    [
      'Use one approach: stop client-side mixing (for example setMixTranscodingConfig(null) in the SDK) before calling the API, or keep mixing on the client.',
      '二选一：调用 API 前先停止客户端混流（例如在 SDK 中调用 setMixTranscodingConfig(null)），或者继续只用客户端混流。',
    ],
  ),
  trtc(
    'FailedOperation.RestrictedConcurrency',
    [
      'The application already runs as many concurrent tasks of this kind (for example on-cloud recordings) as its limit allows.',
      '应用同时运行的此类任务（如云端录制）已达到并发上限。',
    ],
    [
      'Stop tasks that are no longer needed. If you need more at once, contact Tencent Cloud support to raise the concurrency limit to what your business needs.',
      '先停掉不再需要的任务。如果确实需要更多并发，请联系腾讯云技术支持，按业务需要提高并发上限。',
    ],
  ),
  trtc(
    'FailedOperation.RestrictedFrequency',
    [
      'This operation was repeated too quickly (for example starting and stopping the same task in a tight loop).',
      '同一操作重复得太快（比如对同一任务频繁地启动、停止）。',
    ],
    ['Wait a few seconds before the next attempt and space repeated calls out.', '等几秒再试，并拉开重复调用之间的间隔。'],
    RETRYABLE,
  ),
  trtc(
    'FailedOperation.RoomNotExist',
    [
      'No such room is active. A TRTC room exists only while someone is in it, so it may have emptied already; otherwise the SdkAppId is wrong, or a numeric room ID was sent to a string-ID action (or the reverse).',
      '找不到这个正在进行的房间。TRTC 房间只在有人时存在，可能大家已经退出；也可能是 SdkAppId 不对，或者把数字房间号传给了字符串房间号的接口（或反过来）。',
    ],
    [
      'Check that users are in the room right now, that the SdkAppId is right, and that you use the twin matching the room ID type (ByStrRoomId for string IDs).',
      '确认此刻房间里有用户、SdkAppId 正确，并按房间号类型选用对应接口（字符串房间号用 ByStrRoomId 版本）。',
    ],
  ),
  trtc(
    'FailedOperation.SdkAppIdNotExist',
    [
      'No TRTC application has this SdkAppId; it may be mistyped or the application may have been deleted.',
      '没有这个 SdkAppId 对应的 TRTC 应用：可能输错了，也可能应用已被删除。',
    ],
    [
      'Copy the SdkAppId from the application list in the TRTC console, and check that the signing key belongs to the same account.',
      '从 TRTC 控制台的应用列表复制 SdkAppId，并确认签名用的密钥属于同一账号。',
    ],
  ),
  trtc(
    'FailedOperation.SdkAppIdNotUnderAppId',
    [
      'The SdkAppId exists but belongs to a different Tencent Cloud account than the API key used to sign the request.',
      'SdkAppId 存在，但它属于另一个腾讯云账号，而不是签名所用密钥的账号。',
    ],
    [
      'Sign with a key from the account that owns this application, or use an SdkAppId of your own account.',
      '改用拥有该应用的账号的密钥签名，或换成本账号下的 SdkAppId。',
    ],
  ),
  trtc(
    'FailedOperation.TaskExist',
    [
      'An identical task is already running: for example the same robot UserId is already recording or relaying in this room, or StartWebRecord was called again with a RecordId that is in use.',
      '已有一个相同的任务在运行：比如同一个机器人 UserId 已经在该房间录制或转推，或者用已在使用的 RecordId 再次调用了 StartWebRecord。',
    ],
    [
      'Reuse or stop the existing task, or start the new one with a different robot UserId or RecordId.',
      '复用或先停止已有任务，或者换一个机器人 UserId / RecordId 再启动。',
    ],
  ),
  trtc(
    'FailedOperation.TaskFinished',
    [
      'The task had already ended when this call arrived, so it can no longer be queried or changed.',
      '调用到达时任务已经结束，无法再查询或修改。',
    ],
    [
      'Start a new task if you still need one; final results of ended tasks arrive through the event callbacks.',
      '仍有需要的话就重新启动任务；已结束任务的最终结果请通过事件回调获取。',
    ],
  ),
  trtc(
    'FailedOperation.TaskNotExist',
    [
      'There is no running task with this TaskId: it has stopped (on request or after idling), or the TaskId belongs to another SdkAppId or another kind of task.',
      '没有这个 TaskId 对应的运行中任务：任务已停止（主动停止或空闲超时），或者 TaskId 属于别的 SdkAppId 或别的任务类型。',
    ],
    [
      'Check the TaskId and SdkAppId pair; for a task that ended, rely on the callbacks, or start a new one.',
      '核对 TaskId 与 SdkAppId 是否配套；任务已结束的话，请通过回调获取结果，或重新启动任务。',
    ],
  ),
  trtc(
    'FailedOperation.UpdateVoicePrintIdNotFound',
    [
      'The voiceprint you tried to update does not exist (wrong ID or already deleted).',
      '要更新的声纹不存在（ID 有误或已被删除）。',
    ],
    [
      'List your voiceprints with DescribeVoicePrint to find the right ID, or register it again.',
      '用 DescribeVoicePrint 查出正确的声纹 ID，或者重新注册。',
    ],
  ),
  trtc(
    'FailedOperation.UserNotExist',
    [
      'The user you targeted is not in the room right now (already left, or the UserId or room is wrong).',
      '目标用户此刻不在房间里（已经离开，或者 UserId、房间号有误）。',
    ],
    [
      'Check the UserId and room ID (and the numeric vs string twin); there is nothing to do if the user already left.',
      '核对 UserId、房间号以及数字/字符串房间号对应的接口；如果用户已经离开，就无需再操作。',
    ],
  ),
  trtc(
    'FailedOperation.VoicePrintAudioCheckFailed',
    [
      'The audio given for the voiceprint did not pass the quality check: too short, too noisy, several speakers, or not in the declared format.',
      '用于声纹的音频没有通过检测：太短、噪音太大、有多人说话，或者与声明的格式不符。',
    ],
    [
      'Record a clean clip of a single speaker in the declared AudioFormat, base64-encode it, and register again.',
      '录一段只有一人说话、背景干净的音频，按声明的 AudioFormat 编码成 base64 后重新注册。',
    ],
  ),
  trtc(
    'FailedOperation.VoicePrintRegistrationLimit',
    [
      'The account has registered as many voiceprints as it is allowed to.',
      '账号注册的声纹数量已达上限。',
    ],
    [
      'Delete voiceprints you no longer use with DeleteVoicePrint, or contact support to raise the limit.',
      '用 DeleteVoicePrint 删除不再使用的声纹，或联系技术支持提高上限。',
    ],
  ),
  trtc(
    'InternalError.CRInternalError',
    [
      'The cloud recording service failed internally. The code says nothing more specific.',
      '云端录制服务内部出错，错误码没有给出更具体的原因。',
    ],
    [`Retry after a short wait; for a start call, check first that no task was created. ${SUPPORT_EN}`, `稍后重试；如果是启动请求，先确认没有已经创建出任务。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'InternalError.CSInternalError',
    [
      'The cloud slicing service failed internally. The code says nothing more specific.',
      '云端切片服务内部出错，错误码没有给出更具体的原因。',
    ],
    [`Retry after a short wait. ${SUPPORT_EN}`, `稍后重试。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'InternalError.CTInternalError',
    [
      'The cloud transcription service failed internally. The code says nothing more specific.',
      '云端转录服务内部出错，错误码没有给出更具体的原因。',
    ],
    [`Retry after a short wait. ${SUPPORT_EN}`, `稍后重试。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'InternalError.DBError',
    [
      'A database query inside TRTC failed while answering the request. This is a back-end fault.',
      'TRTC 内部在处理请求时数据库查询失败，属于后台故障。',
    ],
    [`Retry after a short wait. ${SUPPORT_EN}`, `稍后重试。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'InternalError.EsQueryError',
    [
      'The search store behind TRTC\'s statistics and quality queries failed to answer. Very wide time ranges make this more likely.',
      'TRTC 统计与质量查询背后的检索服务没有正常返回。查询时间范围过大时更容易出现。',
    ],
    [`Retry shortly, with a narrower time range if possible. ${SUPPORT_EN}`, `稍后重试，尽量缩小查询时间范围。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'InternalError.GetRoomCacheIpError',
    [
      'TRTC could not locate the server holding the room. The room may have just closed, or the lookup failed transiently.',
      'TRTC 没能定位到房间所在的服务器。房间可能刚刚解散，也可能是查询临时失败。',
    ],
    [
      `Check that the room still has users and retry. ${SUPPORT_EN}`,
      `确认房间里仍有用户后重试。${SUPPORT_ZH}`,
    ],
    RETRYABLE,
  ),
  trtc(
    'InternalError.GetRoomFromCacheError',
    [
      'TRTC could not read the room\'s information from its cache. The room may have just closed, or the read failed transiently.',
      'TRTC 没能从缓存中读到房间信息。房间可能刚刚解散，也可能是临时读取失败。',
    ],
    [`Check that the room is still active and retry. ${SUPPORT_EN}`, `确认房间仍在进行后重试。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'InternalError.HttpParaseFalied',
    [
      'The service could not parse the HTTP request. Despite the code\'s prefix this usually points at the request: a body that is not valid JSON, or a Content-Type that does not match the body. (The misspelling is TRTC\'s own; it means the same as InternalError.HttpParseFailed.)',
      '服务端无法解析这个 HTTP 请求。虽然前缀是 InternalError，通常还是请求本身的问题：请求体不是合法 JSON，或 Content-Type 与请求体不符。（拼写错误是 TRTC 原样返回的，含义与 InternalError.HttpParseFailed 相同。）',
    ],
    [
      'Check that the body is valid JSON sent as application/json; resending the same bytes will fail the same way.',
      '确认请求体是合法 JSON 且以 application/json 发送；原样重发只会得到同样的错误。',
    ],
  ),
  trtc(
    'InternalError.HttpParseFailed',
    [
      'The service could not parse the HTTP request. Despite the code\'s prefix this usually points at the request: a body that is not valid JSON, or a Content-Type that does not match the body.',
      '服务端无法解析这个 HTTP 请求。虽然前缀是 InternalError，通常还是请求本身的问题：请求体不是合法 JSON，或 Content-Type 与请求体不符。',
    ],
    [
      'Check that the body is valid JSON sent as application/json; resending the same bytes will fail the same way.',
      '确认请求体是合法 JSON 且以 application/json 发送；原样重发只会得到同样的错误。',
    ],
  ),
  trtc(
    'InternalError.InterfaceErr',
    [
      'An internal interface between TRTC services failed. The code is vague and gives no cause you can act on.',
      'TRTC 内部服务之间的调用失败。这个错误码比较笼统，没有可供排查的具体原因。',
    ],
    [`Retry after a short wait. ${SUPPORT_EN}`, `稍后重试。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'InternalError.InternalError',
    [
      'TRTC hit an internal error without further detail; the service itself suggests trying again.',
      'TRTC 内部出错且没有更多细节；服务端自己也建议重试。',
    ],
    [`Retry after a short wait. ${SUPPORT_EN}`, `稍后重试。${SUPPORT_ZH}`],
    RETRYABLE,
  ),
  trtc(
    'InternalError.MethodErr',
    [
      'The service says it does not handle this method for the action. TRTC gives no more detail; with the standard POST requests the extension sends it is unexpected, so the action name or endpoint is the first thing to check.',
      '服务端表示不支持该接口的这种调用方式。TRTC 没有给出更多细节；扩展发送的是标准 POST 请求，出现这个错误并不常见，应先检查接口名和域名。',
    ],
    [
      'Check the action name and endpoint; repeating the request unchanged will not help.',
      '检查接口名和域名；原样重试不会有帮助。',
    ],
  ),
  trtc(
    'InternalError.ThirdPartyCallError',
    [
      'A third-party service that TRTC relies on for this request failed, for example the LLM or TTS provider configured for an AI conversation, or an external storage provider.',
      'TRTC 为完成本次请求而调用的第三方服务出错，比如 AI 对话中配置的大模型或语音合成服务，或者外部云存储。',
    ],
    [
      'Check the third-party settings you passed (URL, API key, model) and that the provider is up, then retry.',
      '检查传入的第三方配置（地址、API Key、模型等）以及对方服务是否正常，然后重试。',
    ],
    RETRYABLE,
  ),
  trtc(
    'InternalError.UserNotExist',
    [
      'The user you targeted is not in the room. The InternalError prefix is misleading: this is a state problem, not a server fault.',
      '目标用户不在房间里。InternalError 前缀有误导性：这是状态问题，并非服务端故障。',
    ],
    [
      'Check the UserId and room ID (and the numeric vs string twin); there is nothing to do if the user already left.',
      '核对 UserId、房间号以及数字/字符串房间号对应的接口；如果用户已经离开，就无需再操作。',
    ],
  ),
  trtc(
    'InvalidParameter.AppId',
    [
      'An AppId in the request failed validation. This is the Tencent Cloud account\'s AppId (or, for some AI settings, a vendor\'s app ID), not the TRTC SdkAppId.',
      '请求中的 AppId 校验没通过。这里的 AppId 是腾讯云账号的 AppId（某些 AI 配置里则是第三方厂商的应用 ID），不是 TRTC 的 SdkAppId。',
    ],
    [
      'Copy the account AppId from the console\'s account information page (or the vendor\'s console) and try again.',
      '从控制台账号信息页（或第三方厂商的控制台）复制正确的 AppId 后重试。',
    ],
  ),
  trtc(
    'InvalidParameter.AudioEncodeParams',
    [
      'The audio encoding settings for legacy mixing are invalid: sample rate, channel count or bitrate outside what the encoder accepts.',
      '旧版混流的音频编码参数无效：采样率、声道数或码率超出了编码器支持的范围。',
    ],
    [
      'Use a supported combination in EncodeParams, such as 48000 Hz, 1 or 2 channels and a moderate bitrate.',
      '在 EncodeParams 中改用受支持的组合，比如 48000 Hz、单声道或双声道、适中的码率。',
    ],
  ),
  trtc(
    'InvalidParameter.AudioPrompt',
    [
      'The reference audio for voice cloning cannot be used: it must be base64-encoded WAV, MP3 or M4A lasting between 6 and 180 seconds.',
      '声音克隆的参考音频不可用：需要是 base64 编码的 WAV、MP3 或 M4A，时长 6 到 180 秒。',
    ],
    [
      'Provide a clean recording of one speaker in a supported format and length, base64-encoded without a data: prefix.',
      '提供一段格式和时长都符合要求、只有一人说话的干净录音，编码为 base64（不要带 data: 前缀）。',
    ],
  ),
  trtc(
    'InvalidParameter.BackgroundImageUrl',
    [
      'The background image URL is not usable: it must be reachable, end with a jpg, jpeg or png suffix, use only plain URL characters, and point to an image no larger than 2K resolution and 5 MB.',
      '背景图片 URL 不可用：地址必须可访问、以 jpg、jpeg 或 png 后缀结尾、只包含常规 URL 字符，并且图片分辨率不超过 2K、大小不超过 5 MB。',
    ],
    [
      'Host the image somewhere publicly reachable, check its format and size, and pass the direct file URL.',
      '把图片放到可公开访问的位置，检查格式和大小后传入图片的直接链接。',
    ],
  ),
  trtc(
    'InvalidParameter.BizId',
    [
      'The live-streaming BizId given in PublishCdnParams for legacy mixing is not valid for this account.',
      '旧版混流 PublishCdnParams 中填写的云直播 BizId 对本账号无效。',
    ],
    [
      'Copy the BizId shown for your application in the TRTC console and use it unchanged.',
      '从 TRTC 控制台中该应用的信息里复制 BizId，原样填写。',
    ],
  ),
  trtc(
    'InvalidParameter.BodyParamsError',
    [
      'The JSON body could not be mapped onto the action\'s parameters: it is not valid JSON, or a field has the wrong JSON type (a string where a number is expected, an object where a list is expected).',
      '请求体 JSON 无法对应到接口参数：要么不是合法 JSON，要么字段的 JSON 类型不对（应为数字却传了字符串、应为数组却传了对象等）。',
    ],
    [
      'Validate the body in the form, paying attention to numbers sent as strings and single values that should be lists.',
      '在表单中校验请求体，特别留意被写成字符串的数字，以及应为数组的单个值。',
    ],
  ),
  trtc(
    'InvalidParameter.CheckContentFailed',
    [
      'The uploaded image content was rejected, usually because it is too large: the base64 content may be at most 2 MB.',
      '上传的图片内容被拒绝，通常是图片太大：base64 内容最多 2 MB。',
    ],
    ['Shrink or recompress the image and upload it again.', '缩小或重新压缩图片后再上传。'],
  ),
  trtc(
    'InvalidParameter.CheckSuffixFailed',
    [
      'The image file type given in Suffix is not accepted or does not match the content.',
      'Suffix 中填写的图片类型不被接受，或者与图片内容不一致。',
    ],
    [
      'Use a common image type such as png or jpg, and make the suffix match the actual file.',
      '使用 png、jpg 等常见图片格式，并让后缀与实际文件一致。',
    ],
  ),
  trtc(
    'InvalidParameter.EncodeParams',
    [
      'The legacy mixing output encoding settings are invalid: a resolution, bitrate, frame rate or GOP outside the accepted range, or audio and video settings that contradict each other.',
      '旧版混流的输出编码参数无效：分辨率、码率、帧率或 GOP 超出允许范围，或者音视频参数相互矛盾。',
    ],
    [
      'Compare each EncodeParams field with its allowed range in the form and correct the outliers.',
      '对照表单中各字段的取值范围逐项检查 EncodeParams，修正超出范围的值。',
    ],
  ),
  trtc(
    'InvalidParameter.EndTs',
    [
      'The end time is not a valid Unix timestamp in seconds, or it is not later than the start time.',
      '结束时间不是合法的秒级 Unix 时间戳，或者不晚于开始时间。',
    ],
    [
      'Send the end time as Unix seconds (10 digits), later than the start time and within the action\'s maximum span.',
      '以秒级 Unix 时间戳（10 位）填写结束时间，要晚于开始时间，且不超过接口允许的最大跨度。',
    ],
  ),
  trtc(
    'InvalidParameter.InvalidAudioInput',
    [
      'The voiceprint audio is not acceptable: not valid base64, not in the declared AudioFormat, or too short or too long.',
      '声纹音频不合格：不是合法的 base64、与声明的 AudioFormat 不符，或者时长过短或过长。',
    ],
    [
      'Re-encode a clean single-speaker clip as plain base64 and make AudioFormat match it.',
      '把一段干净的单人音频重新编码为 base64，并让 AudioFormat 与之一致。',
    ],
  ),
  trtc(
    'InvalidParameter.InvalidSdkAppId',
    [
      'The SdkAppId is not a valid TRTC application ID for this request (malformed, or not one of your applications).',
      'SdkAppId 对本次请求无效：格式不对，或者不是你名下的应用。',
    ],
    [
      'Copy the SdkAppId from the TRTC console and send it as a number.',
      '从 TRTC 控制台复制 SdkAppId，并以数字形式填写。',
    ],
  ),
  trtc(
    'InvalidParameter.InvalidVoicePrintIdList',
    [
      'VoicePrintIdList is empty or has too many IDs for one request.',
      'VoicePrintIdList 为空，或者一次传入的声纹 ID 太多。',
    ],
    [
      'Pass at least one ID and split long lists over several calls, or page through with DescribeMode=1 instead.',
      '至少传一个 ID，过长的列表请分几次查询，或改用 DescribeMode=1 分页查询。',
    ],
  ),
  trtc(
    'InvalidParameter.Language',
    [
      'The language code is not one the chosen speech model supports (for example zh, en, ja, ko, yue for the default TTS model).',
      '语言代码不在所选语音模型支持的范围内（默认 TTS 模型支持 zh、en、ja、ko、yue 等）。',
    ],
    [
      'Use a language code listed for the model, or leave the field empty to let the service detect the language.',
      '改用该模型支持的语言代码，或者留空让服务自动识别。',
    ],
  ),
  trtc(
    'InvalidParameter.MainVideoRightAlign',
    [
      'MainVideoRightAlign in the legacy mixing layout must be 0 or 1, and it only applies to the screen-sharing template.',
      '旧版混流布局中的 MainVideoRightAlign 只能取 0 或 1，并且只对屏幕分享模板生效。',
    ],
    [
      'Set it to 0 (big picture left) or 1 (big picture right), or drop it for other templates.',
      '设为 0（大画面居左）或 1（大画面居右）；其他模板下请去掉该字段。',
    ],
  ),
  trtc(
    'InvalidParameter.MainVideoStreamType',
    [
      'The stream type chosen for the main picture in the legacy mixing layout is invalid: use 0 for the camera or 1 for screen sharing.',
      '旧版混流布局中大画面的流类型无效：0 表示摄像头，1 表示屏幕分享。',
    ],
    ['Set MainVideoStreamType to 0 or 1.', '把 MainVideoStreamType 设为 0 或 1。'],
  ),
  trtc(
    'InvalidParameter.Model',
    [
      'The requested speech model name is not available; the TTS actions accept models such as flow_02_turbo and flow_01_ex, and the async variant only flow_02_turbo.',
      '所填的语音模型不可用；TTS 接口支持 flow_02_turbo、flow_01_ex 等模型，异步合成只支持 flow_02_turbo。',
    ],
    ['Pick a listed model name, or omit the field to use the default.', '从支持的模型中选择，或不填以使用默认模型。'],
  ),
  trtc(
    'InvalidParameter.OutOfRange',
    [
      'A numeric parameter is outside its allowed range (a layout coordinate, bitrate, volume, page size, duration and so on).',
      '某个数值参数超出了允许范围（如布局坐标、码率、音量、分页大小、时长等）。',
    ],
    [
      'Find the field named in the Message, check its range in the form and correct it.',
      '找到错误信息中提到的字段，在表单中查看其取值范围后修正。',
    ],
  ),
  trtc(
    'InvalidParameter.OutputParams',
    [
      'The legacy mixing OutputParams are invalid, for example a StreamId that is too long (64 bytes maximum) or clashes with an existing relay stream.',
      '旧版混流的 OutputParams 无效，比如 StreamId 太长（最多 64 字节）或与已有的旁路流 ID 重复。',
    ],
    ['Use a short, unique StreamId and check the other OutputParams fields.', '使用简短且唯一的 StreamId，并检查 OutputParams 的其他字段。'],
  ),
  trtc(
    'InvalidParameter.PageNumber',
    [
      'The page number is not a valid non-negative integer, or points past the available pages.',
      '页码不是合法的非负整数，或者超出了可用页数。',
    ],
    ['Start from page 0 and stop when a page comes back empty.', '从第 0 页开始，直到返回空页为止。'],
  ),
  trtc(
    'InvalidParameter.PageSize',
    [
      'The page size is not a valid positive integer.',
      '每页条数不是合法的正整数。',
    ],
    ['Use a page size between 1 and 100.', '把每页条数设为 1 到 100 之间。'],
  ),
  trtc(
    'InvalidParameter.PageSizeOversize',
    [
      'More than 100 items per page were requested; TRTC\'s list queries return at most 100 at a time.',
      '每页请求的条数超过了 100；TRTC 的列表查询一次最多返回 100 条。',
    ],
    ['Set PageSize to 100 or less and fetch further pages.', '把 PageSize 调到 100 以内，分页获取其余数据。'],
  ),
  trtc(
    'InvalidParameter.PictureNotFound',
    [
      'No uploaded picture with this PictureId exists under this SdkAppId.',
      '当前 SdkAppId 下没有这个 PictureId 对应的图片。',
    ],
    ['List the pictures with DescribePicture to find the right ID.', '用 DescribePicture 列出图片，找到正确的 ID。'],
  ),
  trtc(
    'InvalidParameter.Pitch',
    [
      'The voice pitch adjustment is out of range: it goes from -12 (lower) to 12 (higher), 0 being the original.',
      '音高调节超出范围：取值 -12（更低沉）到 12（更尖锐），0 为原始音高。',
    ],
    ['Use a value between -12 and 12.', '改为 -12 到 12 之间的值。'],
  ),
  trtc(
    'InvalidParameter.PresetLayoutConfig',
    [
      'The custom layout for legacy mixing is invalid: a position or size outside the canvas, overlapping layer numbers, or a stream type other than 0 or 1.',
      '旧版混流的自定义布局无效：位置或尺寸超出画布、图层编号冲突，或者流类型不是 0 或 1。',
    ],
    [
      'Check each PresetLayoutConfig entry against the output resolution and give every entry a distinct layer.',
      '对照输出分辨率逐项检查 PresetLayoutConfig，并给每个画面分配不同的图层。',
    ],
  ),
  trtc(
    'InvalidParameter.PronunciationDict',
    [
      'An entry of the pronunciation dictionary for TTS is malformed: a word or its pronunciation is missing or written in an unsupported form.',
      'TTS 的发音纠正词典中有条目格式不对：缺少词语或读音，或者读音写法不受支持。',
    ],
    ['Give every entry both the word and its pronunciation in the documented notation.', '确保每个条目都同时包含词语和按规定写法标注的读音。'],
  ),
  trtc(
    'InvalidParameter.PublishCdnUrls',
    [
      'A relay destination URL is invalid: it must be a complete RTMP push address.',
      '转推目标地址无效：需要是完整的 RTMP 推流地址。',
    ],
    ['Use full rtmp:// push URLs, including the stream name and any auth parameters.', '使用完整的 rtmp:// 推流地址，包括流名称和鉴权参数。'],
  ),
  trtc(
    'InvalidParameter.PureAudioStream',
    [
      'PureAudioStream in legacy mixing must be 0 (audio and video) or 1 (audio only).',
      '旧版混流中的 PureAudioStream 只能取 0（音视频）或 1（纯音频）。',
    ],
    ['Set it to 0 for audio and video, or 1 for an audio-only stream.', '设为 0 表示音视频，设为 1 表示纯音频流。'],
  ),
  trtc(
    'InvalidParameter.QueryScaleOversize',
    [
      'The time span of the query is longer than this action allows. Limits differ by action: 31 days for the usage queries, one day for DescribeTrtcRoomUsage, 4 hours for DescribeUserInfo, one hour for DescribeUnusualEvent or for DescribeCallDetailInfo with DataType.',
      '查询的时间跨度超过了该接口的上限。各接口不同：用量查询最长 31 天，DescribeTrtcRoomUsage 一天，DescribeUserInfo 4 小时，DescribeUnusualEvent 以及带 DataType 的 DescribeCallDetailInfo 一小时。',
    ],
    ['Shorten the range and split a long period into several calls.', '缩短时间范围，把较长的时段拆成多次查询。'],
  ),
  trtc(
    'InvalidParameter.RecordAudioOnly',
    [
      'RecordAudioOnly in legacy mixing must be 0 or 1 (1 records an MP3 file).',
      '旧版混流中的 RecordAudioOnly 只能取 0 或 1（1 表示录制为 MP3）。',
    ],
    [
      'Set it to 0 or 1; a pure-audio recording template in the TRTC console is the preferred way.',
      '设为 0 或 1；更推荐在 TRTC 控制台配置纯音频录制模板。',
    ],
  ),
  trtc(
    'InvalidParameter.RecordId',
    [
      'The RecordId is invalid: too long (web recording allows fewer than 32 bytes) or containing unsupported characters.',
      'RecordId 无效：太长（页面录制要求少于 32 字节）或包含不支持的字符。',
    ],
    ['Use a short ID of letters, digits, underscores and hyphens.', '使用由字母、数字、下划线和连字符组成的简短 ID。'],
  ),
  trtc(
    'InvalidParameter.RoomId',
    [
      'The RoomId is not valid for this action. Numeric rooms take an integer from 1 to 4294967294; a string room ID sent to a numeric-ID action (or the reverse) also ends here.',
      'RoomId 对该接口无效。数字房间号须为 1 到 4294967294 之间的整数；把字符串房间号传给数字房间号接口（或反过来）也会报这个错。',
    ],
    [
      'Send numeric room IDs as numbers; for string room IDs use the ByStrRoomId twin or set RoomIdType to 0.',
      '数字房间号以数字形式填写；字符串房间号请使用 ByStrRoomId 版本的接口，或把 RoomIdType 设为 0。',
    ],
  ),
  trtc(
    'InvalidParameter.SampleRate',
    [
      'The sample rate is not one the field accepts; each action lists its own set (for example 16000 or 24000 Hz for TTS output).',
      '采样率不在该字段允许的取值中；各接口的可选值不同（例如 TTS 输出只支持 16000 或 24000 Hz）。',
    ],
    ['Pick one of the sample rates listed for this field in the form.', '从表单中该字段列出的采样率里选择一个。'],
  ),
  trtc(
    'InvalidParameter.SdkAppId',
    [
      'The SdkAppId is wrong for this request: malformed, sent as text, or different from the application the room, task or UserSig belongs to.',
      'SdkAppId 与本次请求不符：格式不对、被写成了字符串，或者与房间、任务、UserSig 所属的应用不一致。',
    ],
    [
      'Send the SdkAppId from the TRTC console as a number, the same one used to create the room, task or UserSig.',
      '以数字形式填写 TRTC 控制台中的 SdkAppId，并与创建房间、任务或 UserSig 时使用的保持一致。',
    ],
  ),
  trtc(
    'InvalidParameter.SmallVideoLayoutParams',
    [
      'The small-picture layout of legacy mixing is invalid: its position or size falls outside the canvas, or the values contradict each other.',
      '旧版混流的小画面布局无效：位置或尺寸超出画布，或者各值相互矛盾。',
    ],
    ['Keep every small picture inside the output resolution and check each field\'s range.', '让每个小画面都位于输出分辨率之内，并检查各字段取值范围。'],
  ),
  trtc(
    'InvalidParameter.SmallVideoStreamType',
    [
      'A small picture in the legacy mixing layout names an invalid stream type: use 0 for the camera or 1 for screen sharing (0 for web users).',
      '旧版混流布局中小画面的流类型无效：0 表示摄像头，1 表示屏幕分享（Web 用户填 0）。',
    ],
    ['Set the small picture\'s StreamType to 0 or 1.', '把小画面的 StreamType 设为 0 或 1。'],
  ),
  trtc(
    'InvalidParameter.Speed',
    [
      'The speaking speed is out of range: it goes from 0.5 (half speed) to 2.0 (double speed), 1.0 being normal.',
      '语速超出范围：取值 0.5（半速）到 2.0（两倍速），1.0 为正常语速。',
    ],
    ['Use a value between 0.5 and 2.0.', '改为 0.5 到 2.0 之间的值。'],
  ),
  trtc(
    'InvalidParameter.StartTimeExpire',
    [
      'The start time lies further back than this action keeps data for, for example more than 14 days ago for the call-quality queries.',
      '开始时间早于该接口的数据保留期，比如通话质量类查询只能查近 14 天。',
    ],
    ['Move the start time into the retention window.', '把开始时间调整到数据保留期之内。'],
  ),
  trtc(
    'InvalidParameter.StartTimeOversize',
    [
      'The start time goes back further than your monitoring dashboard edition allows. The free edition cannot call the dashboard actions at all, and the paid editions each allow a different look-back (for example a few hours for real-time data, 30 or 60 days for dashboard data).',
      '开始时间早于当前监控仪表盘版本允许查询的范围。免费版不能调用仪表盘接口，付费版各版本可回溯的时长也不同（例如实时数据只能查近几个小时，大盘数据可查 30 或 60 天）。',
    ],
    [
      'Move the start time later, or upgrade the dashboard edition in the TRTC console if you need a longer history.',
      '把开始时间往后调；如果需要更长的历史数据，请在 TRTC 控制台升级监控仪表盘版本。',
    ],
  ),
  trtc(
    'InvalidParameter.StartTs',
    [
      'The start time is not a valid Unix timestamp in seconds, or it is not earlier than the end time.',
      '开始时间不是合法的秒级 Unix 时间戳，或者不早于结束时间。',
    ],
    ['Send the start time as Unix seconds (10 digits), earlier than the end time.', '以秒级 Unix 时间戳（10 位）填写开始时间，并早于结束时间。'],
  ),
  trtc(
    'InvalidParameter.StartTsOversize',
    [
      'The start time lies further back than this action keeps data for.',
      '开始时间早于该接口的数据保留期。',
    ],
    ['Move the start time into the retention window (14 days for call-quality data).', '把开始时间调整到保留期之内（通话质量数据为 14 天）。'],
  ),
  trtc(
    'InvalidParameter.StrRoomId',
    [
      'The string room ID is invalid: empty, too long (64 bytes maximum) or containing unsupported characters.',
      '字符串房间号无效：为空、太长（最多 64 字节）或包含不支持的字符。',
    ],
    [
      'Use the exact string the clients joined with; letters, digits and a few symbols such as _ and - are safe.',
      '使用客户端进房时所用的同一个字符串；字母、数字以及 _、- 等少数符号是安全的。',
    ],
  ),
  trtc(
    'InvalidParameter.StreamId',
    [
      'The live StreamId for legacy mixing is invalid: too long (64 bytes maximum), containing unsupported characters, or the same as another relay stream.',
      '旧版混流的直播 StreamId 无效：太长（最多 64 字节）、包含不支持的字符，或与其他旁路流重复。',
    ],
    ['Choose a short, unique StreamId of letters, digits, underscores and hyphens.', '改用由字母、数字、下划线和连字符组成的简短且唯一的 StreamId。'],
  ),
  trtc(
    'InvalidParameter.StreamUrl',
    [
      'The source stream URL is not usable: malformed, using an unsupported protocol, or not reachable from Tencent\'s servers.',
      '源流地址不可用：格式不对、协议不受支持，或者腾讯云服务器无法访问。',
    ],
    [
      'Pass a complete, publicly reachable URL of the media (for example an RTMP, HLS, FLV or MP4 address) and test it in a player first.',
      '传入完整且可公网访问的媒体地址（如 RTMP、HLS、FLV 或 MP4 地址），最好先用播放器验证一下。',
    ],
  ),
  trtc(
    'InvalidParameter.TaskId',
    [
      'The TaskId is malformed or belongs to another kind of task (for example a recording TaskId passed to a slicing action).',
      'TaskId 格式不对，或者属于别的任务类型（比如把录制任务的 TaskId 传给了切片接口）。',
    ],
    ['Copy the TaskId exactly as the matching start action returned it.', '原样使用对应启动接口返回的 TaskId。'],
  ),
  trtc(
    'InvalidParameter.Text',
    [
      'The text to synthesize cannot be used: it is empty or contains nothing speakable.',
      '要合成的文本无法使用：为空，或者没有可朗读的内容。',
    ],
    ['Send non-empty text with real words in a supported language.', '传入非空、包含实际文字且属于受支持语言的文本。'],
  ),
  trtc(
    'InvalidParameter.TextLength',
    [
      'The text is too long for this action: up to 2,000 characters for TextToSpeech, 20,000 for TextToSpeechSSE and 50,000 for AsyncTextToSpeech (where a Chinese character counts as two).',
      '文本超出了该接口的长度上限：TextToSpeech 最多 2000 个字符，TextToSpeechSSE 最多 20000 个，AsyncTextToSpeech 最多 50000 个（其中一个汉字按两个字符计）。',
    ],
    [
      'Split the text into several requests, or use the streaming or async action for long text.',
      '把文本拆成多次请求，或对长文本改用流式或异步合成接口。',
    ],
  ),
  trtc(
    'InvalidParameter.UrlParamsError',
    [
      'Parameters passed in the URL query string could not be parsed, for example an unencoded special character or a nested structure flattened the wrong way.',
      'URL 查询串中的参数无法解析，比如特殊字符没有编码，或者嵌套结构展开的方式不对。',
    ],
    ['Send the parameters as a JSON body with POST instead of in the URL.', '改用 POST，并以 JSON 请求体发送参数，而不是放在 URL 里。'],
  ),
  trtc(
    'InvalidParameter.UserId',
    [
      'The UserId is invalid: empty, longer than 32 bytes, or using characters other than letters, digits, underscores and hyphens.',
      'UserId 无效：为空、超过 32 字节，或者包含字母、数字、下划线、连字符以外的字符。',
    ],
    ['Use an ID of at most 32 letters, digits, underscores or hyphens, matching the one the user joined with.', '使用不超过 32 个字符、由字母、数字、下划线或连字符组成的 ID，并与用户进房时的一致。'],
  ),
  trtc(
    'InvalidParameter.UserIds',
    [
      'The UserIds list is invalid: empty, too long, or containing an invalid or duplicated UserId.',
      'UserIds 列表无效：为空、过长，或包含无效或重复的 UserId。',
    ],
    ['Pass a non-empty list of distinct, valid UserIds within the action\'s limit.', '传入非空、互不重复且合法的 UserId 列表，数量不超过接口上限。'],
  ),
  trtc(
    'InvalidParameter.UserIdsMorethanSix',
    [
      'More than six users were asked for. DescribeCallDetailInfo returns detailed metrics (DataType set) for at most six users per call.',
      '请求的用户超过了 6 个。DescribeCallDetailInfo 在指定 DataType 查询详细指标时，一次最多查 6 个用户。',
    ],
    ['Query at most six UserIds at a time and split larger sets over several calls.', '每次最多查询 6 个 UserId，用户较多时分多次查询。'],
  ),
  trtc(
    'InvalidParameter.UserSig',
    [
      'The UserSig is expired or does not verify. It must be generated for exactly this SdkAppId and UserId with the application\'s SDKSecretKey, and it is only valid until its issue time plus its expiry; a UserSig made for another user or app, or with the wrong key, fails too.',
      'UserSig 已过期或校验不通过。它必须用应用的 SDKSecretKey、针对这个 SdkAppId 和 UserId 生成，且只在签发时间加有效期之内有效；为别的用户或应用生成的、或用错了密钥的 UserSig 也会失败。',
    ],
    [
      'Generate a fresh UserSig for this SdkAppId and UserId with the extension\'s "Generate UserSig" command, with an expiry long enough for the task.',
      '用扩展的“Generate UserSig”（生成 UserSig）命令，为这个 SdkAppId 和 UserId 重新生成一个 UserSig，并设置足够覆盖任务时长的有效期。',
    ],
  ),
  trtc(
    'InvalidParameter.UserSigNotAdmin',
    [
      'A signature that must come from the IM administrator account was generated for an ordinary user. Fields such as the admin UserSig used to deliver AI transcription messages over IM need the administrator\'s UserId.',
      '本应由 IM 管理员账号生成的签名，却是为普通用户生成的。比如通过 IM 下发 AI 转录消息时使用的管理员 UserSig，必须对应管理员的 UserId。',
    ],
    [
      'Generate the UserSig for the IM administrator UserId (with "Generate UserSig") and pass it together with that UserId.',
      '用“Generate UserSig”（生成 UserSig）为 IM 管理员的 UserId 生成签名，并与该 UserId 一起传入。',
    ],
  ),
  trtc(
    'InvalidParameter.VideoResolution',
    [
      'The output resolution for legacy mixing is not supported: the width or height is outside the range the mixer accepts.',
      '旧版混流的输出分辨率不受支持：宽或高超出了混流服务允许的范围。',
    ],
    ['Use a common resolution such as 640x360, 1280x720 or 1920x1080.', '改用常见分辨率，比如 640x360、1280x720 或 1920x1080。'],
  ),
  trtc(
    'InvalidParameter.VoiceId',
    [
      'The VoiceId does not name a voice available to you: neither a built-in voice nor one you cloned.',
      'VoiceId 不是你可用的音色：既不是内置音色，也不是你克隆出的音色。',
    ],
    ['Use a built-in voice ID or the ID VoiceClone returned.', '改用内置音色 ID，或 VoiceClone 返回的音色 ID。'],
  ),
  trtc(
    'InvalidParameter.VoiceName',
    [
      'The name for the cloned voice is invalid: only letters, digits and underscores, at most 36 characters.',
      '克隆音色的名称无效：只能包含字母、数字和下划线，最多 36 个字符。',
    ],
    ['Rename the voice using only letters, digits and underscores, 36 characters at most.', '重新命名，只用字母、数字和下划线，长度不超过 36 个字符。'],
  ),
  trtc(
    'InvalidParameter.Volume',
    [
      'The volume is out of range for this field (TTS voices take a value above 0 and up to 10, where 1.0 is normal; other fields use their own ranges).',
      '音量超出了该字段的取值范围（TTS 音色取大于 0、不超过 10 的值，1.0 为正常音量；其他字段范围各不相同）。',
    ],
    ['Check the range listed for this field in the form and adjust the value.', '查看表单中该字段的取值范围并调整。'],
  ),
  trtc(
    'InvalidParameterValue.RoomId',
    [
      'The RoomId value is not acceptable, most often a string room ID sent to a numeric-ID action or a number outside 1 to 4294967294.',
      'RoomId 的取值不被接受，最常见的是把字符串房间号传给了数字房间号接口，或数字超出 1 到 4294967294。',
    ],
    [
      'Use the twin that matches the room ID type (ByStrRoomId for strings) or set RoomIdType accordingly.',
      '按房间号类型选用对应接口（字符串房间号用 ByStrRoomId 版本），或相应设置 RoomIdType。',
    ],
  ),
  trtc(
    'LimitExceeded.ConcurrencyLimit',
    [
      'Too many requests or tasks of this kind are running at the same time for the account, for example parallel speech synthesis requests.',
      '账号下同时进行的此类请求或任务过多，比如并发的语音合成请求。',
    ],
    ['Wait for running requests to finish, reduce parallelism, or ask support for a higher limit.', '等正在进行的请求结束，降低并发，或联系技术支持提高上限。'],
  ),
  trtc(
    'LimitExceeded.VoiceCloneMaxNumLimit',
    [
      'The account already has as many cloned voices as it may keep.',
      '账号下克隆的音色数量已达上限。',
    ],
    ['Remove cloned voices you no longer need, or ask support to raise the limit.', '删除不再需要的克隆音色，或联系技术支持提高上限。'],
  ),
  trtc(
    'MissingParameter.APIKey',
    [
      'The text-to-speech call has no usable APIKey. This is the TTS service key, separate from your Tencent Cloud SecretId and SecretKey.',
      '语音合成请求缺少可用的 APIKey。这是 TTS 服务专用的密钥，与腾讯云的 SecretId、SecretKey 无关。',
    ],
    ['Fill in APIKey with the TTS key issued for your application.', '在 APIKey 中填写为你的应用签发的 TTS 密钥。'],
  ),
  trtc(
    'MissingParameter.ASRLang',
    [
      'The speech-recognition settings (AsrParam) do not say which model or language to use: Lang is required there.',
      '语音识别参数（AsrParam）里没有指定模型或语言，其中的 Lang 是必填的。',
    ],
    ['Set AsrParam.Lang, for example "bigmodel-zh".', '填写 AsrParam.Lang，例如 “bigmodel-zh”。'],
  ),
  trtc(
    'MissingParameter.AccessKey',
    [
      'The cloud storage settings lack AccessKey, the storage account\'s access key (for Tencent COS this is a SecretId that may write to the bucket).',
      '云存储参数缺少 AccessKey，即存储账号的访问密钥（存到腾讯云 COS 时，填有该存储桶写权限的 SecretId）。',
    ],
    ['Add AccessKey to the storage parameters.', '在存储参数中补上 AccessKey。'],
  ),
  trtc(
    'MissingParameter.AppId',
    [
      'The request needs an AppId (the account AppId, or a vendor\'s app ID in some AI settings) and none was given.',
      '请求需要 AppId（账号的 AppId，或某些 AI 配置中第三方厂商的应用 ID），但没有提供。',
    ],
    ['Add the AppId field named in the Message.', '按错误信息补上对应的 AppId 字段。'],
  ),
  trtc(
    'MissingParameter.AsrParam',
    [
      'CreateCloudTranscription needs AsrParam, the speech-recognition settings, and it was left out.',
      'CreateCloudTranscription 需要语音识别参数 AsrParam，但请求里没有。',
    ],
    ['Add AsrParam with at least the recognition language or model.', '补上 AsrParam，至少指定识别的语言或模型。'],
  ),
  trtc(
    'MissingParameter.AudioEncodeParams',
    [
      'The legacy mixing EncodeParams lack the audio output settings (sample rate, channels, bitrate).',
      '旧版混流的 EncodeParams 中缺少音频输出参数（采样率、声道数、码率）。',
    ],
    ['Fill in the audio fields of EncodeParams.', '补全 EncodeParams 里的音频字段。'],
  ),
  trtc(
    'MissingParameter.BizId',
    [
      'Relaying from legacy mixing to a third-party CDN needs the live-streaming BizId in PublishCdnParams.',
      '旧版混流转推到第三方 CDN 时，PublishCdnParams 中必须带上云直播 BizId。',
    ],
    ['Add PublishCdnParams.BizId with the value shown in the TRTC console.', '在 PublishCdnParams.BizId 中填写 TRTC 控制台显示的值。'],
  ),
  trtc(
    'MissingParameter.Bucket',
    [
      'The cloud storage settings do not name the bucket to write files to.',
      '云存储参数里没有指定写入文件的存储桶。',
    ],
    ['Add Bucket with the name of the bucket the files should go to.', '补上 Bucket，填写文件要写入的存储桶名称。'],
  ),
  trtc(
    'MissingParameter.CloudStorage',
    [
      'The storage settings say files go to third-party or COS storage but give no CloudStorage details.',
      '存储参数表明要写入 COS 或第三方存储，却没有给出 CloudStorage 配置。',
    ],
    [
      'Fill in StorageParams.CloudStorage (vendor, region, bucket and keys), or choose VOD storage instead.',
      '补全 StorageParams.CloudStorage（厂商、地域、存储桶和密钥），或改为存储到云点播。',
    ],
  ),
  trtc(
    'MissingParameter.CommId',
    [
      'This call-quality query needs CommId, the ID of one call, in the form SdkAppId_RoomId_CreateTime.',
      '这个通话质量查询需要 CommId，即某次通话的 ID，格式为 SdkAppId_RoomId_创建时间。',
    ],
    ['Get the CommId from DescribeRoomInfo and pass it in.', '先用 DescribeRoomInfo 查出 CommId 再传入。'],
  ),
  trtc(
    'MissingParameter.CommIdOrSdkAppId',
    [
      'The query needs to know which call or which application to look at, and neither CommId nor SdkAppId was given.',
      '查询需要知道针对哪次通话或哪个应用，但 CommId 和 SdkAppId 都没有提供。',
    ],
    ['Add the SdkAppId, and the CommId if the action asks for one.', '补上 SdkAppId；如果接口需要，也补上 CommId。'],
  ),
  trtc(
    'MissingParameter.EncodeParams',
    [
      'Legacy cloud mixing needs EncodeParams describing the output encoding, and it is missing.',
      '旧版云端混流需要描述输出编码的 EncodeParams，但请求里没有。',
    ],
    ['Add EncodeParams with the audio and video output settings.', '补上 EncodeParams，填写音视频输出参数。'],
  ),
  trtc(
    'MissingParameter.EndTs',
    [
      'The query has no end time (endTS_s in the service\'s terms).',
      '查询缺少结束时间（服务端内部称为 endTS_s）。',
    ],
    ['Add the end time as Unix seconds.', '以秒级 Unix 时间戳补上结束时间。'],
  ),
  trtc(
    'MissingParameter.MissingVoicePrintUpdateParams',
    [
      'UpdateVoicePrint was called without anything to change: Audio, AudioName and AudioMetaInfo were all empty.',
      '调用 UpdateVoicePrint 时没有给出任何要改的内容：Audio、AudioName、AudioMetaInfo 全为空。',
    ],
    ['Pass at least one of Audio, AudioName or AudioMetaInfo.', '至少传入 Audio、AudioName、AudioMetaInfo 中的一项。'],
  ),
  trtc(
    'MissingParameter.OutputParams',
    [
      'Legacy cloud mixing needs OutputParams (the output stream ID and related options), and it is missing.',
      '旧版云端混流需要 OutputParams（输出流 ID 等），但请求里没有。',
    ],
    ['Add OutputParams with at least a StreamId.', '补上 OutputParams，至少填写 StreamId。'],
  ),
  trtc(
    'MissingParameter.PresetLayoutConfig',
    [
      'The legacy mixing layout uses the custom template but gives no PresetLayoutConfig describing where each picture goes.',
      '旧版混流布局选择了自定义模板，却没有提供描述各画面位置的 PresetLayoutConfig。',
    ],
    ['Add PresetLayoutConfig entries, or choose a preset template instead.', '补上 PresetLayoutConfig，或改用预设模板。'],
  ),
  trtc(
    'MissingParameter.PublishCdnParams',
    [
      'Relaying to a third-party CDN was requested but PublishCdnParams is missing.',
      '请求转推到第三方 CDN，却缺少 PublishCdnParams。',
    ],
    ['Add PublishCdnParams with the BizId and destination URLs.', '补上 PublishCdnParams，填写 BizId 和转推目标地址。'],
  ),
  trtc(
    'MissingParameter.PublishCdnUrls',
    [
      'The relay settings do not list any destination URL to push to.',
      '转推参数里没有任何推流目标地址。',
    ],
    ['Add at least one RTMP push URL to PublishCdnUrls.', '在 PublishCdnUrls 中至少加入一个 RTMP 推流地址。'],
  ),
  trtc(
    'MissingParameter.RecordMode',
    [
      'RecordParams lacks RecordMode, which chooses between recording each stream separately (1) and a single mixed recording (2).',
      'RecordParams 缺少 RecordMode，它决定是单流录制（1）还是合流录制（2）。',
    ],
    ['Set RecordParams.RecordMode to 1 or 2.', '把 RecordParams.RecordMode 设为 1 或 2。'],
  ),
  trtc(
    'MissingParameter.RecordParams',
    [
      'CreateCloudRecording needs RecordParams, which says how and what to record, and it is missing.',
      'CreateCloudRecording 需要说明录制方式和内容的 RecordParams，但请求里没有。',
    ],
    ['Add RecordParams with at least RecordMode.', '补上 RecordParams，至少填写 RecordMode。'],
  ),
  trtc(
    'MissingParameter.Region',
    [
      'The cloud storage settings lack the bucket\'s Region. This is the region where the COS or S3 bucket lives, not the API region of the request.',
      '云存储参数缺少存储桶所在地域 Region。这是 COS 或 S3 存储桶所在的地域，不是请求本身的 API 地域。',
    ],
    ['Add the bucket\'s region to the storage parameters.', '在存储参数中补上存储桶所在地域。'],
  ),
  trtc(
    'MissingParameter.RoomId',
    [
      'The request does not say which room to act on.',
      '请求没有指明要操作哪个房间。',
    ],
    [
      'Add RoomId (or StrRoomId for the string-ID twins) with the ID the clients joined.',
      '补上 RoomId（字符串房间号版本的接口填 StrRoomId），取客户端进房时用的房间号。',
    ],
  ),
  trtc(
    'MissingParameter.RoomNum',
    [
      'An older room-number field the service expected was missing. It is not part of the current API definitions, so it most likely comes from a legacy call path.',
      '服务端期望的旧版房间号字段缺失。当前接口定义中已没有这个字段，多半来自旧的调用路径。',
    ],
    [`Make sure the room ID is filled in for this action; if it is, the message is unexpected. ${SUPPORT_EN}`, `确认已为该接口填写房间号；如果已经填写仍报错，则属于异常情况。${SUPPORT_ZH}`],
  ),
  trtc(
    'MissingParameter.SdkAppId',
    [
      'The request does not say which TRTC application it is for.',
      '请求没有指明是哪个 TRTC 应用。',
    ],
    ['Add SdkAppId as a number, taken from the TRTC console.', '补上 SdkAppId（数字），可从 TRTC 控制台获取。'],
  ),
  trtc(
    'MissingParameter.SecretKey',
    [
      'The cloud storage settings lack SecretKey, the storage account\'s secret. It belongs to the storage account in the request body, not to the key that signs this API call.',
      '云存储参数缺少 SecretKey，即存储账号的密钥。它属于请求体里的存储配置，与签名本次 API 调用的密钥无关。',
    ],
    ['Add the storage secret that pairs with AccessKey to the storage parameters.', '在存储参数中补上与 AccessKey 配对的存储密钥。'],
  ),
  trtc(
    'MissingParameter.SliceParams',
    [
      'CreateCloudSliceTask needs SliceParams (what to slice and how), and it is missing.',
      'CreateCloudSliceTask 需要 SliceParams（切什么、怎么切），但请求里没有。',
    ],
    ['Add SliceParams with at least SliceType.', '补上 SliceParams，至少填写 SliceType。'],
  ),
  trtc(
    'MissingParameter.SliceStorageParams',
    [
      'CreateCloudSliceTask needs SliceStorageParams saying where to upload the slices, and it is missing.',
      'CreateCloudSliceTask 需要说明切片上传位置的 SliceStorageParams，但请求里没有。',
    ],
    ['Add SliceStorageParams with the bucket and its credentials.', '补上 SliceStorageParams，填写存储桶及其访问密钥。'],
  ),
  trtc(
    'MissingParameter.SliceType',
    [
      'SliceParams lacks SliceType: 1 for audio slices, 2 for video frames, 3 for both.',
      'SliceParams 缺少 SliceType：1 为音频切片，2 为视频截帧，3 为两者都要。',
    ],
    ['Set SliceParams.SliceType to 1, 2 or 3.', '把 SliceParams.SliceType 设为 1、2 或 3。'],
  ),
  trtc(
    'MissingParameter.StartTs',
    [
      'The query has no start time (startTS_s in the service\'s terms).',
      '查询缺少开始时间（服务端内部称为 startTS_s）。',
    ],
    ['Add the start time as Unix seconds.', '以秒级 Unix 时间戳补上开始时间。'],
  ),
  trtc(
    'MissingParameter.StorageParams',
    [
      'The recording request does not say where to store the files.',
      '录制请求没有说明文件存到哪里。',
    ],
    ['Add StorageParams with either VOD or cloud storage settings.', '补上 StorageParams，选择云点播或云存储并填写配置。'],
  ),
  trtc(
    'MissingParameter.StreamId',
    [
      'The legacy mixing OutputParams lack StreamId, the ID of the mixed live stream.',
      '旧版混流的 OutputParams 缺少 StreamId，即混流后直播流的 ID。',
    ],
    ['Add a unique OutputParams.StreamId (64 bytes at most).', '补上唯一的 OutputParams.StreamId（最多 64 字节）。'],
  ),
  trtc(
    'MissingParameter.StreamType',
    [
      'The request lacks StreamType, which says which media to record or take (audio and video, audio only, or video only).',
      '请求缺少 StreamType，它说明要录制或获取哪类媒体（音视频、仅音频或仅视频）。',
    ],
    ['Add StreamType (0 audio and video, 1 audio only, 2 video only in RecordParams).', '补上 StreamType（在 RecordParams 中：0 音视频，1 仅音频，2 仅视频）。'],
  ),
  trtc(
    'MissingParameter.TaskId',
    [
      'The request does not say which task to act on.',
      '请求没有指明要操作哪个任务。',
    ],
    ['Add the TaskId returned by the matching start action.', '补上对应启动接口返回的 TaskId。'],
  ),
  trtc(
    'MissingParameter.Text',
    [
      'The text-to-speech request has no Text to speak.',
      '语音合成请求里没有要朗读的 Text。',
    ],
    ['Add the Text field with the words to synthesize.', '补上 Text 字段，填写要合成的文字。'],
  ),
  trtc(
    'MissingParameter.TranscriptionParam',
    [
      'CreateCloudTranscription needs TranscriptionParam, which tells the transcription robot how to join the room, and it is missing.',
      'CreateCloudTranscription 需要 TranscriptionParam，用于说明转录机器人如何进房，但请求里没有。',
    ],
    ['Add TranscriptionParam with the robot\'s UserId and UserSig.', '补上 TranscriptionParam，填写机器人的 UserId 和 UserSig。'],
  ),
  trtc(
    'MissingParameter.UserId',
    [
      'The request does not say which user it concerns. For recording, relay and ingest tasks this is the robot\'s own UserId, which must not clash with a real user.',
      '请求没有指明针对哪个用户。对录制、转推、输入媒体流等任务，这里是机器人自己的 UserId，不能与真实用户重复。',
    ],
    ['Add UserId; for robots pick a dedicated ID such as "recorder_1".', '补上 UserId；机器人请使用专用 ID，比如 “recorder_1”。'],
  ),
  trtc(
    'MissingParameter.UserIds',
    [
      'The request needs a list of users (for example whom to remove) and UserIds is missing or empty.',
      '请求需要用户列表（比如要移出的用户），但 UserIds 缺失或为空。',
    ],
    ['Add UserIds with at least one user.', '补上 UserIds，至少包含一个用户。'],
  ),
  trtc(
    'MissingParameter.UserSig',
    [
      'The robot that joins the room for this task needs a UserSig, and none was given.',
      '为执行该任务而进房的机器人需要 UserSig，但请求里没有。',
    ],
    [
      'Generate a UserSig for the robot\'s UserId with the extension\'s "Generate UserSig" command and add it.',
      '用扩展的“Generate UserSig”（生成 UserSig）命令为机器人的 UserId 生成 UserSig 并填入。',
    ],
  ),
  trtc(
    'MissingParameter.Vendor',
    [
      'The cloud storage settings do not say which storage provider to use (for example 0 for Tencent COS, 1 for AWS S3).',
      '云存储参数没有说明使用哪家存储服务（例如 0 为腾讯云 COS，1 为 AWS S3）。',
    ],
    ['Add Vendor to the storage parameters.', '在存储参数中补上 Vendor。'],
  ),
  trtc(
    'MissingParameter.VideoEncodeParams',
    [
      'The legacy mixing EncodeParams lack the video output settings (resolution, bitrate, frame rate, GOP).',
      '旧版混流的 EncodeParams 中缺少视频输出参数（分辨率、码率、帧率、GOP）。',
    ],
    ['Fill in the video fields of EncodeParams, or mark the output as audio-only.', '补全 EncodeParams 里的视频字段，或把输出设为纯音频。'],
  ),
  trtc(
    'OperationDenied.FreqOverLimit',
    [
      'This operation was called more often than its own frequency limit allows.',
      '该操作的调用次数超出了它自身的频率限制。',
    ],
    ['Wait a little, then retry at a lower rate.', '稍等片刻，再以更低的频率重试。'],
    RETRYABLE,
  ),
  trtc(
    'ResourceInsufficient.RequestRejection',
    [
      'The service turned the request away for lack of resources, either its own capacity or the account\'s remaining allowance.',
      '服务端因资源不足拒绝了请求，可能是服务自身容量不足，也可能是账号剩余额度不够。',
    ],
    [`Check the account's packages and balance, then try again later. ${SUPPORT_EN}`, `检查账号的资源包和余额，稍后再试。${SUPPORT_ZH}`],
  ),
  trtc(
    'ResourceNotFound.ResourceNotFound',
    [
      'The room, task or other object the request names does not exist (or no longer exists) under this SdkAppId.',
      '请求所指的房间、任务或其他对象在当前 SdkAppId 下不存在（或已不存在）。',
    ],
    ['Check the ID and the SdkAppId it belongs to.', '核对 ID 及其所属的 SdkAppId。'],
  ),
  trtc(
    'UnauthorizedOperation.SdkAppId',
    [
      'The key\'s user is not allowed to act on this SdkAppId: the application belongs to another account, or the user\'s CAM policy does not cover it.',
      '密钥所属用户无权操作这个 SdkAppId：应用属于其他账号，或该用户的 CAM 策略没有覆盖它。',
    ],
    [
      'Use a key of the account that owns the application, or ask the administrator to grant this user access to it.',
      '改用应用所属账号的密钥，或请管理员为该用户授予此应用的权限。',
    ],
  ),
  trtc(
    'UnsupportedOperation.InternalError',
    [
      'The service refused the operation as unsupported. Despite the InternalError in its name it is filed under unsupported operations, so it is unlikely to be a passing fault; TRTC gives no more detail.',
      '服务端以“不支持”为由拒绝了该操作。虽然名字里有 InternalError，它归在“不支持的操作”一类，不太可能是临时故障；TRTC 也没有给出更多细节。',
    ],
    [`Review the parameters against the action's notes; retrying unchanged will not help. ${SUPPORT_EN}`, `对照接口说明检查参数；原样重试没有用。${SUPPORT_ZH}`],
  ),
  trtc(
    'UnsupportedOperation.NotAllowed',
    [
      'This feature is not enabled for your account; it has to be switched on by Tencent staff.',
      '你的账号没有开通这项功能，需要由腾讯云工作人员开启。',
    ],
    ['Open a support ticket describing the scenario and quote the RequestId.', '提交工单说明使用场景，并附上 RequestId。'],
  ),
  trtc(
    'UnsupportedOperation.TaskLimit',
    [
      'The application has reached the maximum number of tasks of this kind that may run at once.',
      '应用同时运行的此类任务已达上限。',
    ],
    ['Stop tasks you no longer need, or ask support to raise the limit.', '停止不再需要的任务，或联系技术支持提高上限。'],
  ),
  trtc(
    'UnsupportedOperation.VoiceCloneError',
    [
      'Cloning the voice failed, usually because the reference audio is noisy, has several speakers, or does not match PromptText.',
      '音色克隆失败，通常是参考音频噪音大、有多人说话，或者与 PromptText 不一致。',
    ],
    [
      'Try again with a clean single-speaker recording, and give PromptText only if it matches the audio word for word.',
      '换一段干净的单人录音再试；只有在与音频逐字一致时才填写 PromptText。',
    ],
  ),
];

/** Every error code the explorer can explain: Tencent Cloud's common codes first, then TRTC's own. */
export const ERROR_CODES: readonly ErrorCodeInfo[] = Object.freeze([...COMMON_CODES, ...TRTC_CODES]);

let byCode: Map<string, ErrorCodeInfo> | undefined;

/**
 * Finds what to tell the user about an error code. Unknown subcodes fall back to their nearest known
 * parent (`FailedOperation.X.Y` → `FailedOperation.X` → `FailedOperation`); the result then carries the
 * parent's code, so the caller can tell a general explanation from a specific one.
 */
export function lookupErrorCode(code: string): ErrorCodeInfo | undefined {
  byCode ??= new Map(ERROR_CODES.map((info) => [info.code, info]));
  let candidate = code.trim();
  while (candidate.length > 0) {
    const hit = byCode.get(candidate);
    if (hit) return hit;
    const dot = candidate.lastIndexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(0, dot);
  }
  return undefined;
}
