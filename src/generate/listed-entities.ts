import type { ListedEntity } from "./facility.ts";

/**
 * Entities from the bundled UFLPA Entity List snapshot (../shared/data/lists/uflpa/), copied here
 * because `generate` is pure and reads no files. Anhui Xinya (row 34) is a yarn maker listed under
 * 2(d)(2)(B)(ii) and sits outside Xinjiang: the H318182 situation, where clean raw cotton is
 * tainted by the processor alone. The XPCC (row 9) appears as the owner of gins in XPCC cities.
 */
export const ANHUI_XINYA: ListedEntity = {
  name: "Anhui Xinya New Materials Co., Ltd.",
  chineseName: "安徽新雅新材料有限公司",
  section: "2(d)(2)(B)(ii)",
  listId: "uflpa:34",
};

export const XPCC: ListedEntity = {
  name: "Xinjiang Production and Construction Corps",
  chineseName: "新疆生产建设兵团",
  section: "2(d)(2)(B)(i)",
  listId: "uflpa:9",
};
