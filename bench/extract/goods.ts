// What the generated shipments are made of: goods a Chinese broker's customers really ship (names in Chinese and
// English, a model pattern, the unit the invoice prints and the customs unit it stands for, a price range and a
// weight per unit), parties, places and countries. Plain data, so that the generator stays readable.

export interface Article {
  nameZh: string;
  nameEn: string;
  /** `#` becomes a digit and `@` a capital letter, so that models vary from line to line. */
  model: string;
  /** The unit as the invoice prints it, in English and in Chinese, and its customs code (units.csv). */
  unitEn: string;
  unitZh: string;
  unitCode: string;
  /** Unit price range in the invoice currency, in hundredths. */
  priceFrom: number;
  priceTo: number;
  /** Net kilograms per unit, in thousandths. */
  netPerUnit: number;
  /** Quantities sold by weight or length carry decimals. */
  decimalQuantity?: boolean;
}

// One article a line: 中文品名|English name|model|unit (en)|unit (zh)|unit code|price from|price to|net g per unit|kg
// (the last column marks a quantity sold by weight or length, which carries decimals).
const articleTable: readonly string[] = [
  '不锈钢螺栓|Stainless steel bolt|M#×##|PCS|个|007|5|90|40|',
  '深沟球轴承|Deep groove ball bearing|62##-2RS|PCS|个|007|60|900|120|',
  '液压油缸|Hydraulic cylinder|HC-##/@|SETS|套|006|8000|60000|18500|',
  '电动机|Electric motor|Y2-###M-#|UNITS|台|001|12000|180000|42000|',
  '离心泵|Centrifugal pump|CP##-###|UNITS|台|001|20000|250000|61000|',
  '工业缝纫机|Industrial sewing machine|GC#-##@|SETS|套|006|15000|90000|38000|',
  "棉制男式衬衫|Men's cotton shirt|ST-####|PCS|件|011|250|2400|230|",
  "女式针织连衣裙|Women's knitted dress|KD####@|PCS|件|011|400|3800|310|",
  '运动鞋|Sports shoes|RS-###-@|PAIRS|双|025|900|6500|780|',
  '皮革手提包|Leather handbag|LB####|PCS|只|008|1500|19000|650|',
  '聚乙烯颗粒|Polyethylene granules|HDPE ####|KG|千克|035|90|260|1000|kg',
  '冷轧钢板|Cold rolled steel sheet|SPCC #.#×####|KG|千克|035|60|150|1000|kg',
  '铜芯电缆|Copper core cable|YJV #×##|M|米|030|120|2600|420|kg',
  '输送带|Conveyor belt|EP###-#|ROLLS|卷|018|18000|120000|95000|',
  '液晶显示器|LCD monitor|##@###|UNITS|台|001|6000|42000|4200|',
  '笔记本电脑|Notebook computer|@@##-###|UNITS|台|001|28000|160000|1900|',
  '锂离子电池|Lithium-ion battery|18650-####|PCS|个|007|120|900|48|',
  '印刷电路板|Printed circuit board|PCB-###@|PCS|块|017|80|4500|60|',
  '陶瓷餐盘|Ceramic dinner plate|CP-##in|PCS|个|007|90|800|520|',
  '玻璃水杯|Glass tumbler|GT###ml|PCS|只|008|40|450|260|',
  '不锈钢保温杯|Stainless vacuum flask|VF-###|PCS|只|008|180|1600|380|',
  '实木餐椅|Solid wood dining chair|DC-##@|PCS|把|016|2400|16000|6500|',
  '毛巾|Cotton towel|##×##cm|PCS|条|015|60|700|110|',
  '地毯|Tufted carpet|TC-#×#m|PCS|张|010|2000|24000|9200|',
  '塑料玩具车|Plastic toy car|TY-####|SETS|套|006|150|1800|420|',
  '冷冻虾仁|Frozen peeled shrimp|##/## count|KG|千克|035|650|1800|1000|kg',
  '鲜苹果|Fresh apples|Grade @ ##mm|KG|千克|035|90|320|1000|kg',
  '红葡萄酒|Red wine|750ml 20##|BOTTLES|瓶|142|400|9000|1250|',
  '汽车刹车片|Brake pad set|BP-@####|SETS|套|006|700|5200|1800|',
  '空气过滤器|Air filter|AF####|PCS|个|007|150|2600|450|',
  '硅胶密封圈|Silicone sealing ring|OR-##×#.#|PCS|个|007|3|80|5|',
  '太阳能电池板|Solar panel|SP-###W|PCS|块|017|6000|26000|21000|',
];

export const articles: readonly Article[] = articleTable.map((row) => {
  const [nameZh = '', nameEn = '', model = '', unitEn = '', unitZh = '', unitCode = '', from, to, net, kg] =
    row.split('|');
  return {
    nameZh,
    nameEn,
    model,
    unitEn,
    unitZh,
    unitCode,
    priceFrom: Number(from),
    priceTo: Number(to),
    netPerUnit: Number(net),
    decimalQuantity: kg === 'kg',
  };
});

export interface Party {
  name: string;
  nameZh?: string;
  address: string;
}

export const foreignParties: readonly Party[] = [
  { name: 'NORDIC MACHINERY AB', address: 'Industrivägen 12, 415 05 Göteborg, Sweden' },
  { name: 'HANSEATIC TRADING GMBH', address: 'Große Elbstraße 145, 22767 Hamburg, Germany' },
  { name: 'PACIFIC RIM SUPPLY CO., LTD.', address: '3-14-2 Minato-ku, Tokyo 108-0023, Japan' },
  { name: 'SAIGON TEXTILE JSC', address: '72 Le Thanh Ton, District 1, Ho Chi Minh City, Vietnam' },
  { name: 'GREAT LAKES INDUSTRIAL INC.', address: '4100 W 38th St, Chicago, IL 60632, USA' },
  { name: 'HANA ELECTRONICS CO., LTD.', address: '25 Gasan digital 1-ro, Geumcheon-gu, Seoul, Korea' },
  { name: 'MILANO FORNITURE S.R.L.', address: 'Via Privata Oslavia 18, 20134 Milano, Italy' },
  { name: 'SIAM AGRO EXPORT CO., LTD.', address: '88 Rama IV Road, Khlong Toei, Bangkok 10110, Thailand' },
];

export const chineseParties: readonly Party[] = [
  {
    name: 'NINGBO HAIXING IMP. & EXP. CO., LTD.',
    nameZh: '宁波海星进出口有限公司',
    address: '浙江省宁波市鄞州区天童南路588号',
  },
  {
    name: 'SHENZHEN XINDA TECHNOLOGY CO., LTD.',
    nameZh: '深圳市信达科技有限公司',
    address: '广东省深圳市南山区科技园南区12栋',
  },
  {
    name: 'QINGDAO ORIENT FOODS CO., LTD.',
    nameZh: '青岛东方食品有限公司',
    address: '山东省青岛市黄岛区长江中路216号',
  },
  {
    name: 'SUZHOU JINGYE MACHINERY CO., LTD.',
    nameZh: '苏州精业机械有限公司',
    address: '江苏省苏州市工业园区星湖街328号',
  },
  {
    name: 'XIAMEN LIANHUA TRADING CO., LTD.',
    nameZh: '厦门联华贸易有限公司',
    address: '福建省厦门市思明区湖滨南路90号',
  },
  {
    name: 'SHANGHAI PUDONG SUPPLY CHAIN CO., LTD.',
    nameZh: '上海浦东供应链有限公司',
    address: '上海市浦东新区张杨路500号',
  },
];

/** Origins by ISO 3166 alpha-3, with how an invoice prints them. */
export const origins: readonly { code: string; en: string; zh: string }[] = [
  { code: 'CHN', en: 'China', zh: '中国' },
  { code: 'DEU', en: 'Germany', zh: '德国' },
  { code: 'JPN', en: 'Japan', zh: '日本' },
  { code: 'VNM', en: 'Vietnam', zh: '越南' },
  { code: 'USA', en: 'U.S.A.', zh: '美国' },
  { code: 'KOR', en: 'Korea', zh: '韩国' },
  { code: 'ITA', en: 'Italy', zh: '意大利' },
  { code: 'THA', en: 'Thailand', zh: '泰国' },
  { code: 'SWE', en: 'Sweden', zh: '瑞典' },
];

export const ports: readonly string[] = [
  'SHANGHAI',
  'NINGBO',
  'QINGDAO',
  'SHENZHEN',
  'HAMBURG',
  'ROTTERDAM',
  'BUSAN',
  'TOKYO',
  'HO CHI MINH CITY',
  'LAEM CHABANG',
];

/** The Incoterms the customs 成交方式 table maps (transaction-methods.csv), with their codes. */
export const incoterms: readonly { code: string; transMode: string }[] = [
  { code: 'FOB', transMode: '3' },
  { code: 'CIF', transMode: '1' },
  { code: 'CFR', transMode: '2' },
  { code: 'EXW', transMode: '7' },
];

export const currencies: readonly { code: string; words: string; zh: string; symbol: string }[] = [
  { code: 'USD', words: 'US DOLLARS', zh: '美元', symbol: 'US$' },
  { code: 'EUR', words: 'EUROS', zh: '欧元', symbol: '€' },
  { code: 'GBP', words: 'POUNDS STERLING', zh: '英镑', symbol: '£' },
  { code: 'CNY', words: 'CHINESE YUAN', zh: '人民币', symbol: 'RMB' },
];
