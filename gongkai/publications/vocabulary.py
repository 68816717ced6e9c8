"""The words an item of proactive disclosure is described with: its status on the way to publication, its
kind (规章, 行政规范性文件, 政策解读…), genre (体裁), topic (主题分类), validity (有效性), the channels it was
published on, and the fifteen items of 条例第二十条. Their tables are in `models`, which exports them too."""

from __future__ import annotations

from django.db import models


class Status(models.TextChoices):
    """先审查、后公开: draft → submitted → secrecy-reviewed → published by the head."""

    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待保密审查"
    REVIEWED = "reviewed", "待负责人审批"
    RETURNED = "returned", "退回修改"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


EDITABLE = (Status.DRAFT, Status.RETURNED)


class Kind(models.TextChoices):
    """What the item is for the register of normative documents and for table 二."""

    DOCUMENT = "document", "一般信息"
    REGULATION = "regulation", "规章"
    NORMATIVE = "normative", "行政规范性文件"
    INTERPRETATION = "interpretation", "政策解读"
    GRAPHIC = "graphic", "图解"


NORMATIVE_KINDS = (Kind.REGULATION, Kind.NORMATIVE)
INTERPRETATION_KINDS = (Kind.INTERPRETATION, Kind.GRAPHIC)


class Genre(models.TextChoices):
    """体裁 (文种): the form of the document."""

    NOTICE = "notice", "通知"
    CIRCULAR = "circular", "通告"
    ANNOUNCEMENT = "announcement", "公告"
    OPINION = "opinion", "意见"
    DECISION = "decision", "决定"
    MEASURES = "measures", "办法"
    PROVISIONS = "provisions", "规定"
    RULES = "rules", "细则"
    PLAN = "plan", "方案"
    PROGRAMME = "programme", "规划"
    REPORT = "report", "报告"
    REPLY = "reply", "批复"
    LETTER = "letter", "函"
    MINUTES = "minutes", "纪要"
    PUBLIC_NOTICE = "public_notice", "公示"
    INTERPRETATION = "interpretation", "解读"
    GRAPHIC = "graphic", "图解"
    NEWS = "news", "工作动态"
    OTHER = "other", "其他"


class Topic(models.TextChoices):
    """主题分类 (the 国务院公文主题分类 used on government sites)."""

    GENERAL = "general", "综合政务"
    ECONOMY = "economy", "国民经济管理、国有资产监管"
    FINANCE = "finance", "财政、金融、审计"
    LAND = "land", "国土资源、能源"
    AGRICULTURE = "agriculture", "农业、林业、水利"
    INDUSTRY = "industry", "工业、交通"
    COMMERCE = "commerce", "商贸、海关、旅游"
    MARKET = "market", "市场监管、安全生产监管"
    CONSTRUCTION = "construction", "城乡建设、环境保护"
    SCIENCE = "science", "科技、教育"
    CULTURE = "culture", "文化、广电、新闻出版"
    HEALTH = "health", "卫生、体育"
    POPULATION = "population", "人口与计划生育、妇女儿童工作"
    LABOUR = "labour", "劳动、人事、监察"
    JUSTICE = "justice", "公安、安全、司法"
    CIVIL = "civil", "民政、扶贫、救灾"
    ETHNIC = "ethnic", "民族、宗教"
    FOREIGN = "foreign", "对外事务"
    HMT = "hmt", "港澳台侨工作"
    DEFENCE = "defence", "国防"
    OTHER = "other", "其他"


class Validity(models.TextChoices):
    """有效性 of a normative document (规章, 行政规范性文件)."""

    IN_FORCE = "in_force", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"


class Channel(models.TextChoices):
    """Where the item was published (the old table's 公开渠道)."""

    WEBSITE = "website", "政府网站"
    GAZETTE = "gazette", "政府公报"
    WEIBO = "weibo", "政务微博"
    WECHAT = "wechat", "政务微信"
    OTHER = "other", "其他方式"


# 条例第二十条: the fifteen items a body discloses proactively.
ARTICLE_20_ITEMS = {
    1: "行政法规、规章和规范性文件",
    2: "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
    3: "国民经济和社会发展规划、专项规划、区域规划及相关政策",
    4: "国民经济和社会发展统计信息",
    5: "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
    6: "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
    7: "财政预算、决算信息",
    8: "行政事业性收费项目及其依据、标准",
    9: "政府集中采购项目的目录、标准及实施情况",
    10: "重大建设项目的批准和实施情况",
    11: "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
    12: "突发公共事件的应急预案、预警信息及应对情况",
    13: "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
    14: "公务员招考的职位、名额、报考条件等事项以及录用结果",
    15: "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
}
CHINESE_NUMERALS = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
]
ITEM_CHOICES = [(n, f"第（{CHINESE_NUMERALS[n - 1]}）项 {label}") for n, label in ARTICLE_20_ITEMS.items()]
