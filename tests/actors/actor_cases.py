"""Sentences written for these tests (not taken from any article) with the actors ACLED would code.

Each case: (language, event country, sentence, actor1 ACLED name or None, actor2 ACLED name or None).
"""

from __future__ import annotations

SY_ARMY = "Military Forces of Syria (2024-)"
TR_ARMY = "Military Forces of Turkey (2016-)"
US_ARMY = "Military Forces of the United States (2025-)"
IQ_ARMY = "Military Forces of Iraq (2022-)"
IL_ARMY = "Military Forces of Israel (2022-)"
PMF = "Military Forces of Iraq (2022-) Popular Mobilization Forces"
SDF = "QSD: Syrian Democratic Forces"
SNA = "JWS: Syrian National Army"
HOUTHI = "Military Forces of Yemen (2016-) Supreme Political Council"

ARABIC: list[tuple[str, str, str, str | None, str | None]] = [
    ("ar", "SY", "استهدفت القوات التركية بالمدفعية مواقع لقسد قرب بلدة تل تمر", TR_ARMY, SDF),
    (
        "ar",
        "SY",
        "شنت طائرات أمريكية غارات على مواقع الميليشيات الإيرانية قرب البوكمال",
        US_ARMY,
        "Militia (Pro-Iran)",
    ),
    (
        "ar",
        "SY",
        "مقتل ثلاثة من عناصر قوات النظام بهجوم لداعش على حاجز في البادية",
        "Islamic State (Syria)",
        SY_ARMY,
    ),
    (
        "ar",
        "IQ",
        "أعلنت هيئة الحشد الشعبي التصدي لهجوم شنه تنظيم داعش على قاطع العمليات",
        "Islamic State (Iraq)",
        PMF,
    ),
    ("ar", "SY", "اندلعت اشتباكات بين قسد والجيش الوطني السوري في ريف منبج الغربي", SDF, SNA),
    ("ar", "IQ", "خرج متظاهرون في الناصرية للمطالبة بفرص عمل وتحسين الخدمات", "Protesters (Iraq)", None),
    (
        "ar",
        "SY",
        "قتل مسلحون مجهولون مدنيا على طريق ريفي في ريف درعا الشرقي",
        "Unidentified Armed Group (Syria)",
        "Civilians (Syria)",
    ),
    ("ar", "SY", "قصفت طائرة مسيرة تركية سيارة تقل عناصر من قسد في ريف القامشلي", TR_ARMY, SDF),
    (
        "ar",
        "SY",
        "تعرضت دورية للقوات الروسية لهجوم بعبوة ناسفة في ريف درعا",
        None,
        "Military Forces of Russia (2000-)",
    ),
    ("ar", "LB", "أعلن حزب الله استهداف تجمع لجنود الجيش الإسرائيلي قرب الحدود", "Hezbollah", IL_ARMY),
    (
        "ar",
        "LB",
        "شن الطيران الإسرائيلي غارة على بلدة في جنوب لبنان أدت إلى مقتل مدنيين",
        IL_ARMY,
        "Civilians (Lebanon)",
    ),
    (
        "ar",
        "YE",
        "شنت جماعة الحوثي هجوما بالطائرات المسيرة على مواقع قوات الشرعية في مأرب",
        HOUTHI,
        "Military Forces of Yemen (2012-)",
    ),
    ("ar", "YE", "شن طيران التحالف غارات على مواقع الحوثيين في صعدة", "Operation Restoring Hope", HOUTHI),
    (
        "ar",
        "IQ",
        "استهدفت طائرة مسيرة مجهولة مقرا لكتائب حزب الله قرب القائم",
        "Unidentified Military Forces",
        "Kataib Hezbollah",
    ),
    (
        "ar",
        "IQ",
        "قصف الجيش التركي مواقع حزب العمال الكردستاني في جبال قنديل",
        TR_ARMY,
        "PKK: Kurdistan Workers Party",
    ),
    ("ar", "PS", "اقتحمت قوات الاحتلال مخيم جنين واعتقلت عددا من الشبان", IL_ARMY, "Civilians (Palestine)"),
    ("ar", "PS", "هاجم مستوطنون منازل المواطنين في بلدة حوارة", "Settlers (Israel)", "Civilians (Palestine)"),
    (
        "ar",
        "SD",
        "اندلعت معارك عنيفة بين الجيش السوداني وقوات الدعم السريع في الخرطوم",
        "Military Forces of Sudan (2019-)",
        "Rapid Support Forces",
    ),
    (
        "ar",
        "LY",
        "اشتبكت قوة الردع مع جهاز دعم الاستقرار في طرابلس",
        "Radaa Special Deterrence Forces",
        "Stability Support Authority",
    ),
    (
        "ar",
        "SY",
        "أحبطت قسد هجوما لخلايا داعش على نقطة عسكرية في ريف دير الزور",
        "Islamic State (Syria)",
        SDF,
    ),
    (
        "ar",
        "SY",
        "قتل عنصران من هيئة تحرير الشام بقصف مدفعي مصدره قوات النظام",
        SY_ARMY,
        "HTS: Hayat Tahrir al Sham",
    ),
    (
        "ar",
        "IQ",
        "فرقت قوات الأمن المحتجين بالغاز المسيل للدموع في البصرة",
        "Protesters (Iraq)",
        "Police Forces of Iraq (2022-)",
    ),
    (
        "ar",
        "SY",
        "شنت المقاتلات الروسية غارات على ريف إدلب الجنوبي",
        "Military Forces of Russia (2000-)",
        None,
    ),
    (
        "ar",
        "IQ",
        "اغتال مسلحون مجهولون ناشطا مدنيا في مدينة العمارة",
        "Unidentified Armed Group (Iraq)",
        "Civilians (Iraq)",
    ),
    ("ar", "SY", "سقطت قذائف مصدرها الفصائل الموالية لتركيا على قرى ريف تل رفعت", SNA, None),
    (
        "ar",
        "IQ",
        "نفذ الحرس الثوري الإيراني قصفا صاروخيا على مواقع في إقليم كردستان",
        "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps",
        None,
    ),
    ("ar", "SY", "استهدفت قسد بالرشاشات الثقيلة مواقع للجيش الوطني في ريف رأس العين", SDF, SNA),
    ("ar", "IQ", "اعتقلت القوات الأمنية العراقية عنصرين من داعش في الموصل", IQ_ARMY, "Islamic State (Iraq)"),
    ("ar", "SY", "أصيب جنديان تركيان بقصف لقسد على قاعدة قرب مارع", "QSD: Syrian Democratic Forces", TR_ARMY),
    (
        "ar",
        "SY",
        "قتل شاب على يد عناصر من الفرقة الرابعة في ريف درعا",
        "Military Forces of Syria (2024-) 4th Armored Division",
        "Civilians (Syria)",
    ),
    (
        "ar",
        "IQ",
        "اختطف مسلحون مجهولون مهندسا في كركوك",
        "Unidentified Armed Group (Iraq)",
        "Civilians (Iraq)",
    ),
]

ENGLISH: list[tuple[str, str, str, str | None, str | None]] = [
    (
        "en",
        "SY",
        "Turkish drones struck an SDF vehicle near Qamishli, killing two SDF members.",
        TR_ARMY,
        SDF,
    ),
    (
        "en",
        "SY",
        "Russian warplanes conducted airstrikes on IS positions in the Homs desert.",
        "Military Forces of Russia (2000-)",
        "Islamic State (Syria)",
    ),
    ("en", "IQ", "A PMF checkpoint was attacked by IS militants in Kirkuk.", "Islamic State (Iraq)", PMF),
    ("en", "SY", "Clashes broke out between the SDF and Turkish-backed factions near Manbij.", SDF, SNA),
    ("en", "YE", "Houthi forces shelled government positions in Taiz.", HOUTHI, None),
    (
        "en",
        "PS",
        "Israeli forces shot and injured two Palestinians near Nablus.",
        IL_ARMY,
        "Civilians (Palestine)",
    ),
    (
        "en",
        "IQ",
        "Protesters gathered in Basra to demand jobs; police dispersed them with tear gas.",
        "Protesters (Iraq)",
        "Police Forces of Iraq (2022-)",
    ),
    (
        "en",
        "SY",
        "Unknown gunmen killed a man in Daraa countryside.",
        "Unidentified Armed Group (Syria)",
        "Civilians (Syria)",
    ),
    (
        "en",
        "SY",
        "US forces raided a house in Deir ez-Zor and detained an IS leader.",
        US_ARMY,
        "Islamic State (Syria)",
    ),
    ("en", "LB", "Hezbollah fired rockets at Israeli army positions.", "Hezbollah", IL_ARMY),
    (
        "en",
        "SY",
        "Two civilians were killed by Turkish artillery shelling on Tal Tamr.",
        TR_ARMY,
        "Civilians (Syria)",
    ),
    (
        "en",
        "IQ",
        "Iran-backed militias launched drones at a US base in Erbil.",
        "Militia (Pro-Iran)",
        US_ARMY,
    ),
    (
        "en",
        "LB",
        "Protesters blocked the road in Tripoli and pelted the army with stones.",
        "Rioters (Lebanon)",
        "Military Forces of Lebanon (2025-)",
    ),
    ("en", "IQ", "Hundreds protested against the Turkish airstrikes in Duhok.", "Protesters (Iraq)", None),
    (
        "en",
        "YE",
        "Pro-Hadi forces supported by Saudi-led coalition aircraft clashed with Houthi forces.",
        "Military Forces of Yemen (2012-)",
        HOUTHI,
    ),
    ("en", "SY", "The SDF repelled an attack by IS cells near Hasakah.", "Islamic State (Syria)", SDF),
    (
        "en",
        "SY",
        "Nine villagers were killed on Friday when Assad's air force bombed the market of Kafr Nabl.",
        "Military Forces of Syria (2024-)",
        "Civilians (Syria)",
    ),
]
