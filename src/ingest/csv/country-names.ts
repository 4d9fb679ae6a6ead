/**
 * Country names and codes as suppliers write them, one country a line: alpha-2 | alpha-3 | names….
 * Covers every country in the Open Supply Hub lists, the cotton-producing and garment-making
 * countries DOMAIN.md names, and the common Chinese names, so a Chinese Excel export reads too.
 * A static table (not Intl.DisplayNames) so ids hashed from it never vary with the ICU build.
 */
export const COUNTRY_TABLE = `
AE|ARE|United Arab Emirates|UAE|阿联酋
AR|ARG|Argentina|阿根廷
AT|AUT|Austria|奥地利
AU|AUS|Australia|澳大利亚
BD|BGD|Bangladesh|孟加拉国|孟加拉
BE|BEL|Belgium|比利时
BF|BFA|Burkina Faso
BG|BGR|Bulgaria|保加利亚
BJ|BEN|Benin|贝宁
BR|BRA|Brazil|Brasil|巴西
BY|BLR|Belarus
CA|CAN|Canada|加拿大
CH|CHE|Switzerland|瑞士
CI|CIV|Cote d'Ivoire|Côte d’Ivoire|Ivory Coast
CL|CHL|Chile
CM|CMR|Cameroon
CN|CHN|China|People's Republic of China|PR China|P.R. China|P.R.China|PRC|Mainland China|China Mainland|中国|中华人民共和国|中国大陆
CO|COL|Colombia
CZ|CZE|Czechia|Czech Republic
DE|DEU|Germany|Deutschland|德国
DK|DNK|Denmark
DO|DOM|Dominican Republic|República Dominicana
EG|EGY|Egypt|埃及
ES|ESP|Spain|España|西班牙
ET|ETH|Ethiopia|埃塞俄比亚
FR|FRA|France|法国
GB|GBR|United Kingdom|UK|Great Britain|England|Scotland|Wales|Northern Ireland|英国
GR|GRC|Greece
GT|GTM|Guatemala
HK|HKG|Hong Kong|Hong Kong SAR|Hong Kong SAR China|Hong Kong, China|香港
HN|HND|Honduras
HT|HTI|Haiti
HU|HUN|Hungary
ID|IDN|Indonesia|印度尼西亚|印尼
IL|ISR|Israel
IN|IND|India|印度
IT|ITA|Italy|Italia|意大利
JO|JOR|Jordan
JP|JPN|Japan|日本
KE|KEN|Kenya
KG|KGZ|Kyrgyzstan|Kyrgyz Republic
KH|KHM|Cambodia|Kampuchea|柬埔寨
KR|KOR|South Korea|Korea|Republic of Korea|Korea, Republic of|Korea (South)|韩国
KZ|KAZ|Kazakhstan|哈萨克斯坦
LA|LAO|Laos|Lao PDR|Lao People's Democratic Republic
LK|LKA|Sri Lanka|斯里兰卡
LS|LSO|Lesotho
MA|MAR|Morocco|摩洛哥
MC|MCO|Monaco
MG|MDG|Madagascar
ML|MLI|Mali
MM|MMR|Myanmar|Burma|Myanmar (Burma)|缅甸
MO|MAC|Macao|Macau|澳门
MU|MUS|Mauritius
MX|MEX|Mexico|México|墨西哥
MY|MYS|Malaysia|马来西亚
NI|NIC|Nicaragua
NL|NLD|Netherlands|The Netherlands|Holland
NP|NPL|Nepal
NZ|NZL|New Zealand
PE|PER|Peru|Perú|秘鲁
PH|PHL|Philippines|菲律宾
PK|PAK|Pakistan|巴基斯坦
PL|POL|Poland|Polska
PR|PRI|Puerto Rico
PT|PRT|Portugal|葡萄牙
RO|ROU|Romania
RU|RUS|Russia|Russian Federation|俄罗斯
SA|SAU|Saudi Arabia
SG|SGP|Singapore|新加坡
SK|SVK|Slovakia|Slovak Republic
SV|SLV|El Salvador
SY|SYR|Syria|Syrian Arab Republic
TD|TCD|Chad
TG|TGO|Togo
TH|THA|Thailand|泰国
TJ|TJK|Tajikistan
TM|TKM|Turkmenistan|土库曼斯坦
TN|TUN|Tunisia
TR|TUR|Turkey|Türkiye|Turkiye|土耳其
TW|TWN|Taiwan|Taiwan, Province of China|Chinese Taipei|台湾
TZ|TZA|Tanzania|United Republic of Tanzania
UA|UKR|Ukraine
US|USA|United States|United States of America|U.S.A.|U.S.|America|美国
UZ|UZB|Uzbekistan|乌兹别克斯坦
VN|VNM|Vietnam|Viet Nam|越南
ZA|ZAF|South Africa|南非
ZM|ZMB|Zambia
ZW|ZWE|Zimbabwe
`;

/** Every ISO 3166-1 alpha-2 code, so a correct code outside the table above is still accepted. */
export const ISO_ALPHA2 =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY " +
  "BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK " +
  "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR " +
  "IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK " +
  "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM " +
  "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF " +
  "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";
