// English and Chinese UI strings, and the current language (kept in localStorage, mirrored to <html lang>).
import { useSyncExternalStore } from "react";

export type Lang = "en" | "zh";

const en = {
  "app.name": "Clearway",
  "app.nameLocal": "清关通",
  "app.tagline": "Customs clearance & trade compliance",
  "app.langSwitch": "Interface language",

  "nav.available": "Modules",
  "nav.planned": "Coming next",
  "nav.plannedBadge": "planned",
  "nav.tariff": "Tariff",
  "nav.tariff.hint": "US HTS and HS 2022 nomenclature, rates of duty",
  "nav.status": "Status",
  "nav.status.hint": "Database, loaded editions and import records",
  "nav.catalogue": "Catalogue",
  "nav.catalogue.hint": "Products, materials, suppliers and certificates",
  "nav.classification": "Classification",
  "nav.classification.hint": "HS code suggestions with rationale and review queue",
  "nav.screening": "Screening",
  "nav.screening.hint": "Check whole manifests before they reach customs",
  "nav.declarations": "Declarations",
  "nav.declarations.hint": "China CBEC and US entry lifecycle",
  "nav.bonded": "Bonded & post-release",
  "nav.bonded.hint": "Tally, write-off, release orders, demurrage warnings",
  "nav.risk": "Risk intelligence",
  "nav.risk.hint": "Inspection probability, hot spots, supplier scores",
  "nav.evidence": "Evidence archive",
  "nav.evidence.hint": "Tamper-evident log with offline-verifiable proofs",
  "nav.admin": "Administration",
  "nav.admin.hint": "Tenants, users, roles and API keys",

  "notFound.title": "Page not found",
  "notFound.body": "There is nothing at {path}.",
  "notFound.link": "Open the tariff browser",

  "common.loading": "Loading…",
  "common.retry": "Retry",
  "common.none": "none",
  "common.blank": "(blank)",

  "error.network": "Cannot reach the Clearway server. Check that it is running, then retry.",
  "error.generic": "The server answered with an error ({code}): {message}",
  "error.malformed":
    "“{code}” is not a tariff code. Enter 2, 4, 6, 8 or 10 digits, with or without dots (e.g. 8467.21.00).",
  "error.notFound": "{code} does not exist in {edition}.",
  "error.notFoundNoEdition": "{code} does not exist in this schedule.",
  "error.suggestions": "Closest existing codes:",

  "tariff.title": "Tariff browser",
  "tariff.schedule": "Schedule",
  "tariff.schedule.us_hts": "US HTS",
  "tariff.schedule.hs": "HS 2022",
  "tariff.edition": "{name} · effective {date} · {lines} lines",
  "tariff.searchPlaceholder": "Code or description — e.g. 8467.21, cordless drill, 无绳电钻",
  "tariff.searchButton": "Search",
  "tariff.clearSearch": "Clear search",
  "tariff.results": "{count} results for “{query}”",
  "tariff.resultsOne": "1 result for “{query}”",
  "tariff.noResults": "No lines match “{query}”. Try fewer words, an English term, or the first digits of a code.",
  "tariff.interpretedAs": "Searched in English as",
  "tariff.generalShort": "General",
  "tariff.browseTitle": "Sections and chapters",
  "tariff.section": "Section {section}",
  "tariff.chapter": "Chapter {code}",

  "level.2": "Chapter",
  "level.4": "Heading",
  "level.6": "Subheading",
  "level.8": "Tariff line",
  "level.10": "Statistical line",

  "detail.units": "Units of quantity",
  "detail.rates": "Rates of duty",
  "detail.hsNoRates":
    "The HS nomenclature carries no rates of duty; each importing country sets its own. Switch to US HTS for US rates.",
  "detail.noRatesAtLevel":
    "No rates of duty are printed at this level; they are set on the 8-digit tariff lines below.",
  "detail.children": "Subdivisions",
  "detail.noChildren": "No further subdivisions: this is the most detailed line.",
  "detail.code": "Code",
  "detail.description": "Description",
  "detail.generalRate": "General rate",
  "detail.expand": "Show subdivisions",
  "detail.collapse": "Hide subdivisions",

  "rates.column": "Column",
  "rates.printed": "As printed",
  "rates.effective": "Effective",
  "rates.reading": "Reading",
  "rates.general": "General",
  "rates.general.hint": "Column 1, most-favoured-nation rate",
  "rates.special": "Special",
  "rates.special.hint": "Column 1, preferential programs",
  "rates.column2": "Column 2",
  "rates.column2.hint": "Countries without normal trade relations",
  "rates.inheritedFrom": "inherited from {code}",
  "rates.programs": "programs",

  "rate.empty": "no rate",
  "rate.free": "free",
  "rate.adValorem": "ad valorem {percent}%",
  "rate.specific": "specific {amount} per {unit}",
  "rate.uoq": "UoQ #{index}",
  "rate.compound": "compound",
  "rate.withDetail": "{kind}: {detail}",
  "rate.withNotes": "{text} ({notes})",
  "rate.unparsed": "unparsed",
  "rate.noGroups": "no special rates",

  "status.title": "System status",
  "status.refresh": "Refresh",
  "status.server": "Server",
  "status.serverVersion": "Clearway version",
  "status.health": "Health",
  "status.healthy": "Healthy",
  "status.database": "Database",
  "status.dbKind": "Engine",
  "status.dbKind.pglite": "Embedded PostgreSQL (PGlite)",
  "status.dbKind.postgres": "PostgreSQL server",
  "status.dbVersion": "Version",
  "status.dbLocation": "Data location",
  "status.editions": "Tariff editions",
  "status.noEditions": "No tariff edition has been imported yet.",
  "status.counts": "Reference data",
  "status.imports": "Import records",
  "status.noImports": "No files have been imported yet.",
  "status.col.schedule": "Schedule",
  "status.col.code": "Code",
  "status.col.name": "Name",
  "status.col.effectiveFrom": "Effective from",
  "status.col.lines": "Lines",
  "status.col.importedAt": "Imported at",
  "status.col.source": "Source",
  "status.col.file": "File",
  "status.col.sha256": "SHA-256",
  "status.col.rows": "Rows",
  "status.col.duration": "Duration",

  "count.hsChapters": "HS chapters",
  "count.hsHeadings": "HS headings",
  "count.hs6": "HS 6-digit subheadings",
  "count.htsLines": "HTS rows",
  "count.hts8": "HTS 8-digit tariff lines",
  "count.hts10": "HTS 10-digit statistical lines",
  "count.countries": "Countries and territories",
  "count.currencies": "Currencies",
  "count.locations": "UN/LOCODE locations",
  "count.hazmat": "Hazardous materials entries",
  "count.sdn": "OFAC SDN entries",

  "nav.members": "Members",
  "nav.members.hint": "Who can sign in to this tenant, and in which role",
  "nav.apikeys": "API keys",
  "nav.apikeys.hint": "Keys for programs that call the Clearway API",
  "nav.audit": "Audit trail",
  "nav.audit.hint": "Who did what, when and from where",

  "common.cancel": "Cancel",
  "common.close": "Close",
  "common.done": "Done",
  "common.copy": "Copy",
  "common.copied": "Copied",
  "common.never": "never",
  "common.you": "you",

  "error.forbidden": "Your role ({role}) may not do this. Ask an administrator of this tenant.",
  "error.forbiddenNoRole": "Your role may not do this. Ask an administrator of this tenant.",
  "error.csrf": "Your session changed, perhaps in another tab. Reload the page and try again.",
  "error.rateLimited": "Too many requests. Wait {seconds} s, then try again.",
  "error.pageForbidden": "This page is for: {roles}. Your role in {tenant} is {role}.",

  "role.admin": "Admin",
  "role.admin.hint": "Everything, including members, API keys and the audit trail",
  "role.compliance": "Compliance",
  "role.compliance.hint": "Classifies, screens, reviews, manages rules; reads the audit trail",
  "role.declarant": "Declarant",
  "role.declarant.hint": "Catalogue, classification, screening and declarations",
  "role.warehouse": "Warehouse",
  "role.warehouse.hint": "Warehouse operations and their evidence",
  "role.viewer": "Viewer",
  "role.viewer.hint": "Reads, changes nothing",

  "signin.title": "Sign in",
  "signin.subtitle": "Sign in to your Clearway workspace.",
  "signin.email": "Email",
  "signin.password": "Password",
  "signin.submit": "Sign in",
  "signin.emailRequired": "Enter your email address.",
  "signin.passwordRequired": "Enter your password.",
  "signin.failed": "Wrong email or password.",
  "signin.locked":
    "Too many wrong passwords: this account is locked until {time}. Try again then, or ask an administrator to reset the password.",
  "signin.rateLimited": "Too many sign-in attempts from this network. Wait {seconds} s, then try again.",
  "signin.noTenant": "Your account does not belong to any tenant yet. Ask an administrator to add you.",

  "user.menu": "Account menu",
  "user.signedInAs": "Signed in as",
  "user.tenant": "Tenant",
  "user.role": "Role",
  "user.switchTenant": "Switch tenant",
  "user.signOut": "Sign out",

  "members.title": "Members",
  "members.intro": "People who can sign in to {tenant}, and what their role lets them do.",
  "members.add": "Add member",
  "members.col.member": "Member",
  "members.col.role": "Role",
  "members.col.since": "Member since",
  "members.col.lastSignIn": "Last sign-in",
  "members.disabled": "disabled",
  "members.remove": "Remove",
  "members.removeTitle": "Remove member",
  "members.removeConfirm":
    "Remove {email} from {tenant}? They lose access to this tenant at once; their account and other tenants are kept.",
  "members.removeSelf": "This is you: you will be signed out of this tenant.",
  "members.lastAdmin": "A tenant must keep at least one admin. Make someone else admin first.",
  "members.alreadyMember": "{email} is a member of this tenant already.",
  "members.addTitle": "Add a member",
  "members.email": "Email",
  "members.displayName": "Display name",
  "members.optional": "optional",
  "members.password": "Initial password",
  "members.passwordHint": "Leave empty and Clearway generates one. At least 10 characters.",
  "members.invalidEmail": "Enter a valid email address.",
  "members.passwordShort": "A password needs at least 10 characters.",
  "members.submitAdd": "Add member",
  "members.added": "{email} was added as {role}.",
  "members.initialPassword": "One-time password",
  "members.initialPasswordHint":
    "Give this password to {email} through a safe channel. It is shown only now and cannot be displayed again.",
  "members.existingUser": "{email} already had a Clearway account and signs in with their existing password.",
  "members.ownPassword":
    "They sign in with the password you set (or, if they already had a Clearway account, with their existing one).",

  "apikeys.title": "API keys",
  "apikeys.intro":
    "Programs call the Clearway API with a key, sent as “Authorization: Bearer <key>”. A key acts in {tenant} with its role.",
  "apikeys.create": "Create API key",
  "apikeys.empty": "No API keys yet.",
  "apikeys.col.name": "Name",
  "apikeys.col.role": "Role",
  "apikeys.col.createdBy": "Created by",
  "apikeys.col.createdAt": "Created",
  "apikeys.col.lastUsed": "Last used",
  "apikeys.col.status": "Status",
  "apikeys.active": "active",
  "apikeys.revoked": "revoked",
  "apikeys.revoke": "Revoke",
  "apikeys.revokeTitle": "Revoke API key",
  "apikeys.revokeConfirm": "Revoke “{name}”? Programs using it are refused at once. This cannot be undone.",
  "apikeys.createTitle": "Create an API key",
  "apikeys.name": "Name",
  "apikeys.namePlaceholder": "e.g. ERP integration",
  "apikeys.nameRequired": "Give the key a name.",
  "apikeys.submit": "Create key",
  "apikeys.secretTitle": "Your new API key",
  "apikeys.secretWarning": "Copy this key now. It will not be shown again: Clearway keeps only a hash of it.",
  "apikeys.secretUsage": "Send it with every request:",

  "audit.title": "Audit trail",
  "audit.intro": "Every sign-in, change of members, roles and API keys in {tenant}, newest first.",
  "audit.action": "Action",
  "audit.actionPlaceholder": "e.g. auth. or member.role_change",
  "audit.targetType": "Target type",
  "audit.targetId": "Target ID",
  "audit.from": "From",
  "audit.to": "To (inclusive)",
  "audit.any": "any",
  "audit.apply": "Apply",
  "audit.clear": "Clear filters",
  "audit.export": "Export",
  "audit.exportCsv": "CSV",
  "audit.exportJsonl": "JSON lines",
  "audit.col.time": "Time",
  "audit.col.actor": "Actor",
  "audit.col.action": "Action",
  "audit.col.target": "Target",
  "audit.col.origin": "Origin",
  "audit.details": "Show before and after",
  "audit.before": "Before",
  "audit.after": "After",
  "audit.requestId": "Request ID",
  "audit.userAgent": "Client",
  "audit.nothing": "(nothing)",
  "audit.empty": "No events match these filters.",
  "audit.loadMore": "Load more",
  "audit.end": "That is the oldest event.",
  "audit.shown": "{count} events shown",

  "actor.user": "user",
  "actor.api_key": "API key",
  "actor.cli": "command line",
  "actor.system": "system",

  "target.user": "User",
  "target.api_key": "API key",
  "target.tenant": "Tenant",

  "action.auth.sign_in": "Signed in",
  "action.auth.sign_in_failed": "Sign-in failed",
  "action.auth.locked": "Account locked",
  "action.auth.sign_out": "Signed out",
  "action.member.add": "Member added",
  "action.member.role_change": "Role changed",
  "action.member.remove": "Member removed",
  "action.apikey.create": "API key created",
  "action.apikey.revoke": "API key revoked",
  "action.user.create": "User created",
  "action.tenant.create": "Tenant created",
};

/** Keys of the UI dictionary. */
export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  "app.name": "Clearway",
  "app.nameLocal": "清关通",
  "app.tagline": "跨境清关与贸易合规",
  "app.langSwitch": "界面语言",

  "nav.available": "功能模块",
  "nav.planned": "即将推出",
  "nav.plannedBadge": "规划中",
  "nav.tariff": "税则查询",
  "nav.tariff.hint": "美国 HTS 与 HS 2022 税则目录及税率",
  "nav.status": "系统状态",
  "nav.status.hint": "数据库、已导入税则版本与导入记录",
  "nav.catalogue": "商品库",
  "nav.catalogue.hint": "商品、材质、供应商与证书",
  "nav.classification": "商品归类",
  "nav.classification.hint": "HS 编码建议、归类理由与复核队列",
  "nav.screening": "申报前筛查",
  "nav.screening.hint": "在申报前检查整份舱单",
  "nav.declarations": "申报管理",
  "nav.declarations.hint": "中国跨境电商与美国进口申报全流程",
  "nav.bonded": "保税与放行后",
  "nav.bonded.hint": "理货、核销、放行单、滞港费预警",
  "nav.risk": "风险情报",
  "nav.risk.hint": "查验概率、风险热点、供应商评分",
  "nav.evidence": "证据存档",
  "nav.evidence.hint": "防篡改日志，证明可离线验证",
  "nav.admin": "系统管理",
  "nav.admin.hint": "租户、用户、角色与 API 密钥",

  "notFound.title": "页面不存在",
  "notFound.body": "{path} 没有对应的页面。",
  "notFound.link": "打开税则查询",

  "common.loading": "加载中…",
  "common.retry": "重试",
  "common.none": "无",
  "common.blank": "（空）",

  "error.network": "无法连接 Clearway 服务器。请确认服务已启动后重试。",
  "error.generic": "服务器返回错误（{code}）：{message}",
  "error.malformed": "“{code}”不是有效的税则编码。请输入 2、4、6、8 或 10 位数字，可带或不带点（如 8467.21.00）。",
  "error.notFound": "{edition} 中不存在编码 {code}。",
  "error.notFoundNoEdition": "本税则中不存在编码 {code}。",
  "error.suggestions": "最接近的现有编码：",

  "tariff.title": "税则查询",
  "tariff.schedule": "税则",
  "tariff.schedule.us_hts": "美国 HTS",
  "tariff.schedule.hs": "HS 2022",
  "tariff.edition": "{name} · {date} 起施行 · 共 {lines} 行",
  "tariff.searchPlaceholder": "编码或商品描述，如 8467.21、无绳电钻、cordless drill",
  "tariff.searchButton": "搜索",
  "tariff.clearSearch": "清除搜索",
  "tariff.results": "“{query}”共 {count} 条结果",
  "tariff.resultsOne": "“{query}”共 1 条结果",
  "tariff.noResults": "没有与“{query}”匹配的税目。请减少关键词、改用英文，或输入编码的前几位。",
  "tariff.interpretedAs": "已按英文检索",
  "tariff.generalShort": "普通税率",
  "tariff.browseTitle": "类与章",
  "tariff.section": "第 {section} 类",
  "tariff.chapter": "第 {code} 章",

  "level.2": "章",
  "level.4": "品目",
  "level.6": "子目",
  "level.8": "税号（8 位）",
  "level.10": "统计编码（10 位）",

  "detail.units": "计量单位",
  "detail.rates": "税率",
  "detail.hsNoRates": "HS 协调制度本身不含税率，税率由各进口国自行规定。切换到美国 HTS 可查看美国税率。",
  "detail.noRatesAtLevel": "此层级未列税率，税率列在下级的 8 位税号上。",
  "detail.children": "下级细分",
  "detail.noChildren": "没有下级细分：这已是最细一级的编码。",
  "detail.code": "编码",
  "detail.description": "描述",
  "detail.generalRate": "普通税率",
  "detail.expand": "展开下级",
  "detail.collapse": "收起下级",

  "rates.column": "栏目",
  "rates.printed": "税则原文",
  "rates.effective": "适用税率",
  "rates.reading": "解析",
  "rates.general": "普通税率",
  "rates.general.hint": "第 1 栏，最惠国税率",
  "rates.special": "特惠税率",
  "rates.special.hint": "第 1 栏，优惠贸易安排",
  "rates.column2": "第 2 栏税率",
  "rates.column2.hint": "适用于无正常贸易关系的国家",
  "rates.inheritedFrom": "继承自 {code}",
  "rates.programs": "适用安排",

  "rate.empty": "无税率",
  "rate.free": "免税",
  "rate.adValorem": "从价 {percent}%",
  "rate.specific": "从量 {amount}/{unit}",
  "rate.uoq": "按第 {index} 计量单位",
  "rate.compound": "复合税",
  "rate.withDetail": "{kind}：{detail}",
  "rate.withNotes": "{text}（{notes}）",
  "rate.unparsed": "未能解析",
  "rate.noGroups": "无特惠税率",

  "status.title": "系统状态",
  "status.refresh": "刷新",
  "status.server": "服务器",
  "status.serverVersion": "Clearway 版本",
  "status.health": "运行状况",
  "status.healthy": "正常",
  "status.database": "数据库",
  "status.dbKind": "引擎",
  "status.dbKind.pglite": "内嵌 PostgreSQL（PGlite）",
  "status.dbKind.postgres": "PostgreSQL 服务器",
  "status.dbVersion": "版本",
  "status.dbLocation": "数据位置",
  "status.editions": "税则版本",
  "status.noEditions": "尚未导入任何税则版本。",
  "status.counts": "参考数据",
  "status.imports": "导入记录",
  "status.noImports": "尚未导入任何文件。",
  "status.col.schedule": "税则",
  "status.col.code": "代码",
  "status.col.name": "名称",
  "status.col.effectiveFrom": "生效日期",
  "status.col.lines": "行数",
  "status.col.importedAt": "导入时间",
  "status.col.source": "来源",
  "status.col.file": "文件",
  "status.col.sha256": "SHA-256",
  "status.col.rows": "行数",
  "status.col.duration": "耗时",

  "count.hsChapters": "HS 章",
  "count.hsHeadings": "HS 品目（4 位）",
  "count.hs6": "HS 子目（6 位）",
  "count.htsLines": "HTS 全部行",
  "count.hts8": "HTS 税号（8 位）",
  "count.hts10": "HTS 统计编码（10 位）",
  "count.countries": "国家和地区",
  "count.currencies": "货币",
  "count.locations": "UN/LOCODE 地点",
  "count.hazmat": "危险品条目",
  "count.sdn": "OFAC SDN 名单条目",

  "nav.members": "成员与角色",
  "nav.members.hint": "谁可以登录本租户，以及各自的角色",
  "nav.apikeys": "API 密钥",
  "nav.apikeys.hint": "供程序调用 Clearway API 的密钥",
  "nav.audit": "审计日志",
  "nav.audit.hint": "谁在何时、从何处做了什么",

  "common.cancel": "取消",
  "common.close": "关闭",
  "common.done": "完成",
  "common.copy": "复制",
  "common.copied": "已复制",
  "common.never": "从未",
  "common.you": "我",

  "error.forbidden": "您的角色（{role}）无权执行此操作。请联系本租户的管理员。",
  "error.forbiddenNoRole": "您的角色无权执行此操作。请联系本租户的管理员。",
  "error.csrf": "您的会话已变更（可能在其他标签页中）。请刷新页面后重试。",
  "error.rateLimited": "请求过于频繁。请等待 {seconds} 秒后重试。",
  "error.pageForbidden": "此页面仅限以下角色使用：{roles}。您在 {tenant} 的角色是{role}。",

  "role.admin": "管理员",
  "role.admin.hint": "全部权限，包括成员、API 密钥与审计日志",
  "role.compliance": "合规",
  "role.compliance.hint": "归类、筛查、复核、管理规则；可查看审计日志",
  "role.declarant": "申报员",
  "role.declarant.hint": "商品库、归类、筛查与申报",
  "role.warehouse": "仓库",
  "role.warehouse.hint": "仓库作业及其证据",
  "role.viewer": "只读",
  "role.viewer.hint": "只能查看，不能修改",

  "signin.title": "登录",
  "signin.subtitle": "登录您的 Clearway 工作区。",
  "signin.email": "邮箱",
  "signin.password": "密码",
  "signin.submit": "登录",
  "signin.emailRequired": "请输入邮箱地址。",
  "signin.passwordRequired": "请输入密码。",
  "signin.failed": "邮箱或密码错误。",
  "signin.locked": "密码错误次数过多，该账号已锁定至 {time}。请届时再试，或请管理员重置密码。",
  "signin.rateLimited": "此网络的登录尝试过于频繁。请等待 {seconds} 秒后重试。",
  "signin.noTenant": "您的账号尚未加入任何租户。请联系管理员将您添加为成员。",

  "user.menu": "账号菜单",
  "user.signedInAs": "当前登录",
  "user.tenant": "租户",
  "user.role": "角色",
  "user.switchTenant": "切换租户",
  "user.signOut": "退出登录",

  "members.title": "成员与角色",
  "members.intro": "可以登录 {tenant} 的人员，以及各自角色的权限。",
  "members.add": "添加成员",
  "members.col.member": "成员",
  "members.col.role": "角色",
  "members.col.since": "加入时间",
  "members.col.lastSignIn": "最近登录",
  "members.disabled": "已停用",
  "members.remove": "移除",
  "members.removeTitle": "移除成员",
  "members.removeConfirm": "确定将 {email} 从 {tenant} 移除？该用户将立即失去此租户的访问权限，其账号及其他租户不受影响。",
  "members.removeSelf": "这是您本人：移除后您将退出此租户。",
  "members.lastAdmin": "租户必须至少保留一名管理员。请先将其他成员设为管理员。",
  "members.alreadyMember": "{email} 已是本租户的成员。",
  "members.addTitle": "添加成员",
  "members.email": "邮箱",
  "members.displayName": "显示名称",
  "members.optional": "选填",
  "members.password": "初始密码",
  "members.passwordHint": "留空则由 Clearway 自动生成。至少 10 个字符。",
  "members.invalidEmail": "请输入有效的邮箱地址。",
  "members.passwordShort": "密码至少需要 10 个字符。",
  "members.submitAdd": "添加成员",
  "members.added": "已将 {email} 添加为{role}。",
  "members.initialPassword": "一次性密码",
  "members.initialPasswordHint": "请通过安全渠道将此密码告知 {email}。密码仅在此显示一次，之后无法再次查看。",
  "members.existingUser": "{email} 已有 Clearway 账号，使用其原有密码登录。",
  "members.ownPassword": "该成员使用您设置的密码登录（若其已有 Clearway 账号，则使用原有密码）。",

  "apikeys.title": "API 密钥",
  "apikeys.intro": "程序通过密钥调用 Clearway API，请求头为“Authorization: Bearer <密钥>”。密钥以其角色在 {tenant} 中操作。",
  "apikeys.create": "创建 API 密钥",
  "apikeys.empty": "尚未创建 API 密钥。",
  "apikeys.col.name": "名称",
  "apikeys.col.role": "角色",
  "apikeys.col.createdBy": "创建人",
  "apikeys.col.createdAt": "创建时间",
  "apikeys.col.lastUsed": "最近使用",
  "apikeys.col.status": "状态",
  "apikeys.active": "有效",
  "apikeys.revoked": "已吊销",
  "apikeys.revoke": "吊销",
  "apikeys.revokeTitle": "吊销 API 密钥",
  "apikeys.revokeConfirm": "确定吊销“{name}”？使用该密钥的程序将立即被拒绝。此操作无法撤销。",
  "apikeys.createTitle": "创建 API 密钥",
  "apikeys.name": "名称",
  "apikeys.namePlaceholder": "如：ERP 对接",
  "apikeys.nameRequired": "请为密钥命名。",
  "apikeys.submit": "创建密钥",
  "apikeys.secretTitle": "新的 API 密钥",
  "apikeys.secretWarning": "请立即复制此密钥。它不会再次显示：Clearway 只保存其哈希值。",
  "apikeys.secretUsage": "每次请求时发送：",

  "audit.title": "审计日志",
  "audit.intro": "{tenant} 中的每次登录，以及成员、角色和 API 密钥的每次变更，最新的在前。",
  "audit.action": "操作",
  "audit.actionPlaceholder": "如 auth. 或 member.role_change",
  "audit.targetType": "对象类型",
  "audit.targetId": "对象 ID",
  "audit.from": "起始日期",
  "audit.to": "截止日期（含）",
  "audit.any": "全部",
  "audit.apply": "筛选",
  "audit.clear": "清除筛选",
  "audit.export": "导出",
  "audit.exportCsv": "CSV",
  "audit.exportJsonl": "JSON Lines",
  "audit.col.time": "时间",
  "audit.col.actor": "操作人",
  "audit.col.action": "操作",
  "audit.col.target": "对象",
  "audit.col.origin": "来源",
  "audit.details": "显示变更前后",
  "audit.before": "变更前",
  "audit.after": "变更后",
  "audit.requestId": "请求 ID",
  "audit.userAgent": "客户端",
  "audit.nothing": "（无）",
  "audit.empty": "没有符合筛选条件的记录。",
  "audit.loadMore": "加载更多",
  "audit.end": "已是最早的记录。",
  "audit.shown": "已显示 {count} 条记录",

  "actor.user": "用户",
  "actor.api_key": "API 密钥",
  "actor.cli": "命令行",
  "actor.system": "系统",

  "target.user": "用户",
  "target.api_key": "API 密钥",
  "target.tenant": "租户",

  "action.auth.sign_in": "登录",
  "action.auth.sign_in_failed": "登录失败",
  "action.auth.locked": "账号锁定",
  "action.auth.sign_out": "退出登录",
  "action.member.add": "添加成员",
  "action.member.role_change": "变更角色",
  "action.member.remove": "移除成员",
  "action.apikey.create": "创建 API 密钥",
  "action.apikey.revoke": "吊销 API 密钥",
  "action.user.create": "创建用户",
  "action.tenant.create": "创建租户",
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, zh };
const STORAGE_KEY = "clearway.lang";
const listeners = new Set<() => void>();

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === "en" || stored === "zh") return stored;
  } catch {
    // Storage can be disabled (privacy mode); fall back to the browser language.
  }
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

let current: Lang = initialLang();

function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
}
applyToDocument(current);

/** Switches the UI language and remembers the choice. */
export function setLang(lang: Lang): void {
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the switch still applies to this page.
  }
  applyToDocument(lang);
  for (const listener of listeners) listener();
}

/** Whether a string is a dictionary key (for keys built at runtime, such as count names). */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

/** Translates a key in a given language, replacing `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Translator bound to a language, plus locale-aware number and date formatting. */
export type I18n = {
  lang: Lang;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  formatNumber: (value: number) => string;
  formatDateTime: (iso: string) => string;
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const binders = new Map<Lang, I18n>();

function bind(lang: Lang): I18n {
  const locale = lang === "zh" ? "zh-CN" : "en-US";
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    formatNumber: (value) => numbers.format(value),
    formatDateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dates.format(date);
    },
  };
}

/** The current language and its translator; re-renders when the language changes. */
export function useI18n(): I18n {
  const lang = useSyncExternalStore(subscribe, () => current);
  let i18n = binders.get(lang);
  if (!i18n) {
    i18n = bind(lang);
    binders.set(lang, i18n);
  }
  return i18n;
}
