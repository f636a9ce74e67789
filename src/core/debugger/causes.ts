import { cause, describeDuration, q, text } from './causeText';
import { LEGACY_CAUSES } from './legacyCauses';
import type { LocalizedText } from './types';

export { describeDuration, q, reproducedNote, withConfidence, type CauseText } from './causeText';

/** Every cause the debugger names, as functions of the details that make it concrete. */
export const CAUSES = {
  noSignature: () =>
    cause(
      'no-signature',
      'authorization',
      text('The request carries no signature', '请求中没有签名'),
      text(
        'There is no Authorization header (TC3-HMAC-SHA256) and no Signature parameter (HmacSHA1/HmacSHA256), so the server cannot authenticate the call.',
        '请求中既没有 Authorization 头（TC3-HMAC-SHA256），也没有 Signature 参数（HmacSHA1/HmacSHA256），服务端无法验证调用者身份。',
      ),
      text(
        'Paste the request exactly as your code sent it, headers included; if it really sends none, sign it before sending.',
        '请原样粘贴代码发送的请求（包括请求头）；如果代码确实没有签名，请在发送前完成签名。',
      ),
    ),

  authorizationFormat: (problemsEn: string[], problemsZh: string[]) =>
    cause(
      'authorization-format',
      'authorization',
      text('The Authorization header is malformed', 'Authorization 头格式错误'),
      text(
        `${problemsEn.join(' ')} The server rejects such a header before it looks at the signature (AuthFailure.InvalidAuthorization).`,
        `${problemsZh.join('')}服务端在校验签名之前就会拒绝这样的头（AuthFailure.InvalidAuthorization）。`,
      ),
      text(
        'Write it exactly as "TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=<names>, Signature=<64 hex digits>": one space after the algorithm, ", " between the three parts, no spaces inside SignedHeaders.',
        '请严格按 "TC3-HMAC-SHA256 Credential=<SecretId>/<日期>/<服务>/tc3_request, SignedHeaders=<头名列表>, Signature=<64 位十六进制>" 书写：算法名后一个空格，三部分之间用 ", " 分隔，SignedHeaders 内不能有空格。',
      ),
    ),

  signatureEncoding: (formEn: string, formZh: string, expectedForm: LocalizedText) =>
    cause(
      'signature-encoding',
      'signature',
      text('The signature is written in the wrong form', '签名的编码形式不对'),
      text(
        `The signature is ${formEn}. ${expectedForm.en}`,
        `签名是${formZh}。${expectedForm.zh}`,
      ),
      text('Encode the HMAC digest in the required form before putting it in the request.', '请把 HMAC 摘要按要求的形式编码后再放入请求。'),
    ),

  secretIdWhitespace: () =>
    cause(
      'secretid-whitespace',
      'secretId',
      text('The SecretId has spaces or line breaks in it', 'SecretId 中含有空格或换行'),
      text(
        'The SecretId in the request has white space around or inside it, so the server cannot find the key.',
        '请求中的 SecretId 前后或中间含有空白字符，服务端无法找到对应的密钥。',
      ),
      text(
        'Trim the SecretId where your code reads it (a file or an environment variable often adds a final line break).',
        '在代码读取 SecretId 的地方去掉空白（从文件或环境变量读取时常会带上末尾换行）。',
      ),
    ),

  secretIdMismatch: (given: string, sent: string) =>
    cause(
      'secretid-mismatch',
      'secretId',
      text('The request uses another SecretId', '请求使用了另一个 SecretId'),
      text(
        `The request is signed for the SecretId ${sent}, not ${given}, the one whose SecretKey you gave. The server looks up the SecretKey of ${sent}.`,
        `请求中的 SecretId 是 ${sent}，而不是你提供的 SecretKey 所属的 ${given}。服务端会用 ${sent} 对应的 SecretKey 校验。`,
      ),
      text(
        'Make your code use the SecretId and SecretKey of the same key pair, or debug with the SecretKey of the SecretId in the request.',
        '让代码使用同一对密钥中的 SecretId 和 SecretKey，或者用请求中那个 SecretId 的 SecretKey 来调试。',
      ),
    ),

  keysSwapped: (detail: LocalizedText) =>
    cause(
      'keys-swapped',
      'secretId',
      text('SecretId and SecretKey are swapped', 'SecretId 与 SecretKey 填反了'),
      detail,
      text(
        'Put the SecretId (it starts with AKID) in the Credential and use the SecretKey only as the signing key; check the order of the two in your configuration.',
        'Credential 中应放 SecretId（以 AKID 开头），SecretKey 只用作签名密钥；请检查配置中两者的顺序。',
      ),
    ),

  secretKeyWhitespace: (whatEn: string, whatZh: string) =>
    cause(
      'secretkey-whitespace',
      'derivedKeys',
      text('The SecretKey your code signs with has extra characters', '代码签名用的 SecretKey 带有多余字符'),
      text(
        `Your code signs with the SecretKey ${whatEn}. The server uses the key without them, so every derived key differs.`,
        `代码签名时使用的 SecretKey ${whatZh}。服务端使用的密钥不含这些字符，因此派生出的每个密钥都不同。`,
      ),
      text(
        'Trim the SecretKey where your code reads it: files and environment variables often add a final line break, and .env files keep quotes.',
        '在代码读取 SecretKey 的地方去掉多余字符：文件和环境变量常带末尾换行，.env 文件可能保留引号。',
      ),
    ),

  secretKeyWrong: (afterMatch: boolean) =>
    cause(
      'secretkey-wrong',
      afterMatch ? 'secretId' : 'derivedKeys',
      afterMatch
        ? text('The SecretKey is not the one the server has for this SecretId', '该 SecretKey 与服务端记录的不一致')
        : text('Your code may sign with another SecretKey', '代码可能使用了另一个 SecretKey'),
      afterMatch
        ? text(
            'With the SecretKey you gave, the request is signed correctly. If the server still says the signature is wrong, your code and this debugger use the same SecretKey, but it is not the one that belongs to the SecretId in the request.',
            '用你提供的 SecretKey 计算，请求的签名是正确的。如果服务端仍报签名错误，说明代码和本工具用的是同一个 SecretKey，但它并不属于请求中的 SecretId。',
          )
        : text(
            'No usual mistake reproduces the signature with the SecretKey you gave. The most common reason left is that your code signs with a different SecretKey (another key pair, an old key, a key from another account or environment).',
            '用你提供的 SecretKey，常见错误都无法复现该签名。剩下最常见的原因是代码用了另一个 SecretKey（另一对密钥、旧密钥、其他账号或环境的密钥）。',
          ),
      text(
        'In the API key console, find the SecretId the request uses and check that your code reads the SecretKey shown next to it.',
        '在 API 密钥控制台找到请求使用的 SecretId，确认代码读取的是与它配对的 SecretKey。',
      ),
    ),

  keyDisabled: () =>
    cause(
      'key-disabled',
      'secretId',
      text('The key may be disabled, deleted or from another site', '密钥可能已禁用、已删除或属于其他站点'),
      text(
        'A SecretId that was disabled or deleted, or that belongs to another account or to the other site (China or international), is not found by the server, whatever the signature.',
        '如果 SecretId 已被禁用或删除，或属于其他账号、其他站点（中国站或国际站），无论签名是否正确，服务端都找不到它。',
      ),
      text(
        'Check in the API key console that the SecretId exists and is enabled, and call the host of the site the account belongs to.',
        '在 API 密钥控制台确认该 SecretId 存在且已启用，并调用账号所属站点的域名。',
      ),
    ),

  timestampMissing: () =>
    cause(
      'timestamp-missing',
      'timestamp',
      text('The timestamp is missing', '缺少时间戳'),
      text(
        'The request has no X-TC-Timestamp header (TC3) or Timestamp parameter (legacy). It is part of what is signed, so nothing can be checked without it.',
        '请求中没有 X-TC-Timestamp 头（TC3）或 Timestamp 参数（旧版签名）。时间戳参与签名，缺少它就无法校验。',
      ),
      text('Send the current Unix time in seconds, the same value that was signed.', '发送当前的 Unix 时间（秒），且与签名时使用的值相同。'),
    ),

  timestampFormat: (value: string) =>
    cause(
      'timestamp-format',
      'timestamp',
      text('The timestamp is not a whole number of seconds', '时间戳不是整数秒'),
      text(`The timestamp is ${q(value)}; the API expects the Unix time in whole seconds, digits only.`, `时间戳为 ${q(value)}；API 要求只含数字的 Unix 整数秒。`),
      text('Send Math.floor(Date.now() / 1000), int(time.time()) or your language\'s equivalent, as plain digits.', '发送 Math.floor(Date.now() / 1000)、int(time.time()) 或等价写法得到的纯数字。'),
    ),

  timestampMilliseconds: (value: string) =>
    cause(
      'timestamp-milliseconds',
      'timestamp',
      text('The timestamp is in milliseconds', '时间戳使用了毫秒'),
      text(
        `The timestamp ${value} has ${value.length} digits: it counts milliseconds. The API counts seconds, so it reads a time thousands of years ahead and rejects it as expired.`,
        `时间戳 ${value} 有 ${value.length} 位，是毫秒值。API 以秒计，会把它当成几千年后的时间并判定签名过期。`,
      ),
      text('Divide by 1000 and round down (Math.floor(Date.now() / 1000) in JavaScript), both in the header and where you sign.', '除以 1000 并向下取整（JavaScript 中为 Math.floor(Date.now() / 1000)），请求头和签名处都要改。'),
    ),

  timestampSignedDiffers: (signed: string, sent: string) =>
    cause(
      'timestamp-signed-differs',
      'stringToSign',
      text('The timestamp signed is not the one sent', '签名用的时间戳与发送的不同'),
      text(
        `Your code signed the timestamp ${signed} but sent ${sent}. This happens when the time is read twice, once for the signature and once for the header.`,
        `代码签名时用的时间戳是 ${signed}，发送的却是 ${sent}。这通常是因为读取了两次当前时间：一次用于签名，一次用于请求头。`,
      ),
      text('Read the time once and use that one value for the header, the credential date and the string to sign.', '只读取一次时间，请求头、凭证日期和待签字符串都使用这同一个值。'),
    ),

  timestampExpired: (deltaSeconds: number) => {
    const ahead = deltaSeconds > 0;
    const amount = describeDuration(Math.abs(deltaSeconds));
    return cause(
      'timestamp-expired',
      'clock',
      text('The timestamp is outside the 5-minute window', '时间戳超出 5 分钟有效期'),
      text(
        `The timestamp is ${amount.en} ${ahead ? 'ahead of' : 'behind'} the reference time. The server accepts only requests within 5 minutes of its own clock and answers AuthFailure.SignatureExpire otherwise; this is about time, not about how the signature is computed.`,
        `时间戳比参考时间${ahead ? '超前' : '落后'}${amount.zh}。服务端只接受与其时钟相差 5 分钟以内的请求，否则返回 AuthFailure.SignatureExpire；这是时间问题，与签名算法无关。`,
      ),
      ahead
        ? text('Sync the clock of the machine that signs (NTP), and take the timestamp when the request is sent.', '请同步签名机器的时钟（NTP），并在发送请求时获取时间戳。')
        : text(
            'Take the timestamp right before sending instead of reusing an old one, and sync the clock of the machine that signs (NTP).',
            '请在发送前获取时间戳，不要复用旧值，并同步签名机器的时钟（NTP）。',
          ),
    );
  },

  scopeDateLocalTime: (theirDate: string, utc: string, offsetText: string) =>
    cause(
      'scope-date-local-time',
      'credentialScope',
      text('The credential date is in local time, not UTC', '凭证日期用了本地时间而不是 UTC'),
      text(
        `The credential says ${theirDate}, but the UTC date of the timestamp is ${utc}. ${theirDate} is the date in ${offsetText} at that moment: the date was taken from the local clock. It only goes wrong near midnight UTC, which is why it fails some of the time.`,
        `凭证中的日期是 ${theirDate}，而时间戳对应的 UTC 日期是 ${utc}。${theirDate} 是当时 ${offsetText} 的日期：日期取自本地时间。只有在 UTC 零点前后才会出错，所以问题时有时无。`,
      ),
      text(
        'Compute the date from the timestamp in UTC: new Date(ts * 1000).toISOString().slice(0, 10), or datetime.utcfromtimestamp(ts).strftime("%Y-%m-%d").',
        '用 UTC 从时间戳计算日期：new Date(ts * 1000).toISOString().slice(0, 10)，或 datetime.utcfromtimestamp(ts).strftime("%Y-%m-%d")。',
      ),
    ),

  scopeDateWrong: (theirDate: string, utc: string) =>
    cause(
      'scope-date-wrong',
      'credentialScope',
      text('The credential date is not the date of the timestamp', '凭证日期与时间戳不符'),
      text(
        `The credential says ${theirDate}, but the UTC date of the timestamp is ${utc}. A date computed once and reused (a cached signing key kept past midnight) does this.`,
        `凭证中的日期是 ${theirDate}，而时间戳对应的 UTC 日期是 ${utc}。只计算一次日期后反复使用（例如签名密钥缓存跨过了零点）就会这样。`,
      ),
      text('Compute the date from the same timestamp you send, in UTC, for every request.', '每次请求都用发送的同一个时间戳按 UTC 计算日期。'),
    ),

  scopeServiceWrong: (theirs: string, expected: string) =>
    cause(
      'scope-service-wrong',
      'credentialScope',
      text(`The service in the credential is "${theirs}", not "${expected}"`, `凭证中的服务名是 "${theirs}" 而不是 "${expected}"`),
      text(
        `The credential scope names the service ${theirs}. This request must be signed for ${expected}, the first label of the host; the service is part of the key derivation, so the whole signature changes.`,
        `凭证范围中的服务名是 ${theirs}。该请求应按 ${expected}（域名的第一段）签名；服务名参与密钥派生，整个签名都会不同。`,
      ),
      text(`Use "${expected}" as the service, as in ${expected}.tencentcloudapi.com; sample code for another product often keeps its own name.`, `服务名使用 "${expected}"，与 ${expected}.tencentcloudapi.com 一致；从其他产品示例代码复制时常会遗留原服务名。`),
    ),

  scopeFormat: (problemEn: string, problemZh: string) =>
    cause(
      'scope-format',
      'credentialScope',
      text('The credential scope is malformed', '凭证范围格式错误'),
      text(`${problemEn} It must be <SecretId>/<YYYY-MM-DD>/<service>/tc3_request.`, `${problemZh}它的格式应为 <SecretId>/<YYYY-MM-DD>/<服务名>/tc3_request。`),
      text('Build the credential as SecretId + "/" + date + "/" + service + "/tc3_request".', '按 SecretId + "/" + 日期 + "/" + 服务名 + "/tc3_request" 拼接凭证。'),
    ),

  signedHeadersCase: (theirs: string) =>
    cause(
      'signed-headers-case',
      'signedHeaders',
      text('The signed header names are not in lower case', '签名头名称不是小写'),
      text(
        `SignedHeaders is ${q(theirs)}. The names must be lower case, both in this list and in the canonical headers.`,
        `SignedHeaders 为 ${q(theirs)}。无论在该列表还是规范头中，头名都必须是小写。`,
      ),
      text('Lower-case each header name before joining them with ";" and before building the canonical headers.', '用 ";" 连接以及构造规范头之前，先把每个头名转为小写。'),
    ),

  signedHeadersUnsorted: (theirs: string, sorted: string) =>
    cause(
      'signed-headers-unsorted',
      'signedHeaders',
      text('The signed headers are not sorted', '签名头没有排序'),
      text(`SignedHeaders is ${q(theirs)}; the names must be in ASCII order: ${q(sorted)}, and the canonical headers in the same order.`, `SignedHeaders 为 ${q(theirs)}；头名必须按 ASCII 顺序排列：${q(sorted)}，规范头也要按相同顺序。`),
      text('Sort the lower-case header names before building the canonical headers and the list.', '构造规范头和列表前，先对小写头名排序。'),
    ),

  signedHeaderNotSent: (names: string[]) =>
    cause(
      'signed-header-not-sent',
      'signedHeaders',
      text('A signed header is not in the request', '签名的头没有随请求发送'),
      text(
        `SignedHeaders lists ${names.join(', ')}, but the request does not send ${names.length > 1 ? 'them' : 'it'}. The server builds the canonical headers from the headers it receives, so it cannot reproduce the signature.`,
        `SignedHeaders 中列出了 ${names.join('、')}，但请求没有发送。服务端根据收到的头构造规范头，因此无法得到相同的签名。`,
      ),
      text('Sign only headers you send, with the exact values you send; or send every header you sign.', '只对实际发送的头签名，且值与发送时一致；或者把签名的头都发送出去。'),
    ),

  signedHeadersMissingRequired: (missing: string[]) =>
    cause(
      'signed-headers-missing-required',
      'signedHeaders',
      text(`SignedHeaders must include ${missing.join(' and ')}`, `SignedHeaders 必须包含 ${missing.join(' 和 ')}`),
      text(
        `The signed headers leave out ${missing.join(' and ')}. Every TC3 signature must cover at least content-type and host.`,
        `签名头中缺少 ${missing.join(' 和 ')}。每个 TC3 签名至少要包含 content-type 和 host。`,
      ),
      text('Sign at least "content-type;host" (optionally more headers, such as x-tc-action).', '至少对 "content-type;host" 签名（可以再加其他头，例如 x-tc-action）。'),
    ),

  signedHeaderListedNotSigned: (listed: string, names: string[]) =>
    cause(
      'signed-header-listed-not-signed',
      'canonicalHeaders',
      text('A header is listed in SignedHeaders but was not signed', 'SignedHeaders 列出的头没有参与签名'),
      text(
        `SignedHeaders says ${q(listed)}, but your code built the canonical headers without ${names.join(', ')}. The server signs every header the list names, so it computes another signature.`,
        `SignedHeaders 为 ${q(listed)}，但代码构造规范头时没有包含 ${names.join('、')}。服务端会对列表中的每个头签名，因此算出的签名不同。`,
      ),
      text('Build the canonical headers and the SignedHeaders list from one list of header names.', '用同一份头名列表同时构造规范头和 SignedHeaders。'),
    ),

  signedHeaderSignedNotListed: (listed: string, names: string[]) =>
    cause(
      'signed-header-signed-not-listed',
      'canonicalHeaders',
      text('A header was signed but is not listed in SignedHeaders', '参与签名的头没有列在 SignedHeaders 中'),
      text(
        `Your code put ${names.join(', ')} in the canonical headers, but SignedHeaders says ${q(listed)}. The server signs only the headers the list names.`,
        `代码把 ${names.join('、')} 放进了规范头，但 SignedHeaders 为 ${q(listed)}。服务端只对列表中的头签名。`,
      ),
      text('Build the canonical headers and the SignedHeaders list from one list of header names.', '用同一份头名列表同时构造规范头和 SignedHeaders。'),
    ),

  canonicalHeadersNotNormalized: (how: LocalizedText) =>
    cause(
      'canonical-headers-not-normalized',
      'canonicalHeaders',
      text('The canonical headers are not written in canonical form', '规范头的写法不符合要求'),
      text(
        `Your code wrote the canonical headers ${how.en}. Each line must be the lower-case name, ":", the value with the spaces around it removed, and a line break, the last line included.`,
        `代码构造规范头时${how.zh}。每一行必须是小写头名、":"、去掉首尾空格的值和一个换行，最后一行也要有换行。`,
      ),
      text('Write each signed header as name.toLowerCase() + ":" + value.trim() + "\n".', '每个签名头都写成 name.toLowerCase() + ":" + value.trim() + "\n"。'),
    ),

  unresolvedVariables: (names: string[]) =>
    cause(
      'unresolved-variables',
      'hashedPayload',
      text('The paste refers to shell variables whose values are not known', '粘贴内容引用了值未知的 shell 变量'),
      text(
        `The command reads ${names.map((n) => '$' + n).join(', ')} from the shell, and the debugger read ${names.length > 1 ? 'them' : 'it'} literally. The values your shell put in are part of what was signed, so the signature cannot be checked without them.`,
        `命令从 shell 读取 ${names.map((n) => '$' + n).join('、')}，调试器只能按字面处理。shell 填入的值参与了签名，没有这些值就无法校验签名。`,
      ),
      text('Set the variables before running the debugger (the command line reads them from its environment), or paste the command with the values filled in.', '运行调试器前先设置这些变量（命令行工具会从环境变量读取），或粘贴填入了值的命令。'),
    ),

  contentTypeDiffers: (signed: string, sent: string) =>
    cause(
      'content-type-differs',
      'canonicalHeaders',
      text('The Content-Type signed is not the one sent', '签名的 Content-Type 与发送的不同'),
      text(
        `Your code signed content-type ${q(signed)}, but the request sends ${q(sent)}. The canonical header must be byte for byte the header sent, charset included.`,
        `代码签名时的 content-type 是 ${q(signed)}，而请求发送的是 ${q(sent)}。规范头必须与发送的头逐字节一致，包括 charset。`,
      ),
      text(
        'Set the Content-Type header yourself and sign that same string; some HTTP libraries add or change "; charset=utf-8" after you sign.',
        '自己设置 Content-Type 头并对同一字符串签名；有些 HTTP 库会在签名之后添加或修改 "; charset=utf-8"。',
      ),
    ),

  contentTypeMissing: () =>
    cause(
      'content-type-missing',
      'canonicalHeaders',
      text('The request sends no Content-Type', '请求没有发送 Content-Type'),
      text(
        'content-type is always signed, but the request has no Content-Type header, so the server signs an empty value or rejects the request.',
        'content-type 总是参与签名，但请求中没有 Content-Type 头，服务端会按空值计算或直接拒绝。',
      ),
      text('Send "Content-Type: application/json" with a JSON body (or application/x-www-form-urlencoded for GET) and sign that value.', 'JSON 请求体请发送 "Content-Type: application/json"（GET 请求为 application/x-www-form-urlencoded），并对该值签名。'),
    ),

  hostDiffers: (signed: string, sent: string, whyEn: string, whyZh: string) =>
    cause(
      'host-differs',
      'canonicalHeaders',
      text('The host signed is not the host the request went to', '签名的 host 与请求发往的 host 不同'),
      text(
        `Your code signed host ${q(signed)}, but the request was sent to ${q(sent)}. ${whyEn}`,
        `代码签名时的 host 是 ${q(signed)}，但请求发往 ${q(sent)}。${whyZh}`,
      ),
      text('Sign the Host header exactly as it is sent: take both from the same endpoint variable.', '签名的 host 必须与发送的 Host 头完全一致：两者从同一个 endpoint 变量取值。'),
    ),

  actionValueCase: (action: string) =>
    cause(
      'action-value-case',
      'canonicalHeaders',
      text('The signed x-tc-action value is not in lower case', '签名的 x-tc-action 值不是小写'),
      text(
        `When x-tc-action is signed, its canonical value is the action name in lower case (${action.toLowerCase()}), while the header sent keeps ${action}. Your code signed it as ${action}.`,
        `对 x-tc-action 签名时，规范头中的值是小写的接口名（${action.toLowerCase()}），而发送的头保持 ${action}。代码签名时用了 ${action}。`,
      ),
      text('Lower-case the action in the canonical header line only: "x-tc-action:" + action.toLowerCase().', '只在规范头中把接口名转为小写："x-tc-action:" + action.toLowerCase()。'),
    ),

  payloadDiffers: (variant: LocalizedText) =>
    cause(
      'payload-differs',
      'hashedPayload',
      text('The body hashed is not the body sent', '参与哈希的请求体与发送的不同'),
      text(
        `Your code hashed ${variant.en}, not the exact bytes it sent. The server hashes the bytes it receives.`,
        `代码哈希的是${variant.zh}，而不是实际发送的字节。服务端哈希的是它收到的字节。`,
      ),
      text(
        'Serialize the parameters once into a string, hash that string and send that same string as the body; do not let the HTTP library serialize the object again.',
        '把参数只序列化一次得到字符串，对该字符串求哈希，并原样作为请求体发送；不要让 HTTP 库再次序列化对象。',
      ),
    ),

  queryDiffers: (variant: LocalizedText) =>
    cause(
      'query-differs',
      'canonicalRequest',
      text('The query string signed is not the one sent', '签名的查询串与发送的不同'),
      text(`Your code put ${variant.en} in the canonical request, not the query string exactly as sent.`, `代码在规范请求中使用的是${variant.zh}，而不是实际发送的查询串。`),
      text('Use the query string exactly as it goes on the wire (after "?", already URL-encoded) for GET, and an empty string for POST.', 'GET 请求使用实际发送的查询串（"?" 之后、已编码），POST 请求使用空字符串。'),
    ),

  methodDiffers: (signed: string, sent: string) =>
    cause(
      'method-differs',
      'canonicalRequest',
      text('The method signed is not the method sent', '签名的请求方法与发送的不同'),
      text(`Your code signed the request as ${signed} but sent it as ${sent}.`, `代码按 ${signed} 签名，却以 ${sent} 发送。`),
      text('Sign with the same HTTP method you send, in upper case.', '签名时使用与发送相同的 HTTP 方法（大写）。'),
    ),

  pathDiffers: (signed: string, sent: string) =>
    cause(
      'path-differs',
      'canonicalRequest',
      text('The path signed is not the path sent', '签名的路径与发送的不同'),
      text(`Your code signed the path ${q(signed)} but the request went to ${q(sent)}. Tencent Cloud API requests use "/".`, `代码签名时的路径是 ${q(signed)}，请求却发往 ${q(sent)}。腾讯云 API 请求的路径是 "/"。`),
      text('Send to "/" and sign "/".', '发送和签名都使用 "/"。'),
    ),

  tokenMissing: (why: LocalizedText) =>
    cause(
      'token-missing',
      'token',
      text('The session token is missing', '缺少临时密钥的 Token'),
      text(
        `${why.en} Temporary credentials only work with their session token in X-TC-Token (Token for legacy signatures); without it the server cannot find the key.`,
        `${why.zh}临时密钥必须同时携带会话 Token（TC3 用 X-TC-Token 头，旧版签名用 Token 参数），否则服务端找不到该密钥。`,
      ),
      text('Send the token that came with the temporary SecretId and SecretKey, and renew all three together when they expire.', '发送与临时 SecretId、SecretKey 一同下发的 Token，过期时三者一起更新。'),
    ),

  tokenMismatch: () =>
    cause(
      'token-mismatch',
      'token',
      text('The token sent is not the token you gave', '发送的 Token 与你提供的不同'),
      text(
        'The request carries a session token, but not the one you gave here (it may be from an earlier set of temporary keys, or have extra spaces).',
        '请求中带有会话 Token，但与你在此提供的不一致（可能来自之前的一组临时密钥，或带有多余空白）。',
      ),
      text('Send the token issued together with this SecretId and SecretKey, trimmed.', '发送与当前 SecretId、SecretKey 一同签发的 Token，并去掉首尾空白。'),
    ),

  tokenUnverifiable: () =>
    cause(
      'token-unverifiable',
      'token',
      text('The session token cannot be checked here', '无法在此校验 Token'),
      text(
        'The request sends a session token, which is not signed and cannot be checked without the token itself. An expired token, or one from another set of temporary keys, gives AuthFailure.TokenFailure.',
        '请求发送了会话 Token。Token 不参与签名，没有 Token 原文就无法校验。Token 过期或不属于这组临时密钥时，服务端返回 AuthFailure.TokenFailure。',
      ),
      text('Give the token to the debugger to compare, and renew temporary keys and token together before they expire.', '把 Token 提供给调试器进行比对，并在临时密钥过期前将密钥和 Token 一起更新。'),
    ),

  ...LEGACY_CAUSES,
};
