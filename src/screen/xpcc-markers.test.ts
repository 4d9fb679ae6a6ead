import { describe, expect, it } from "vitest";
import { findXpccMarkers } from "./xpcc-markers.ts";

describe("findXpccMarkers", () => {
  it("finds the Corps, its divisions and regiments in Chinese and English", () => {
    expect(findXpccMarkers("新疆生产建设兵团第一师阿拉尔市棉业公司")).toHaveLength(3);
    expect(findXpccMarkers("农八师石河子棉麻公司")).toEqual(["a numbered XPCC division (农X师 / 第X师)"]);
    expect(findXpccMarkers("XPCC 12th Regiment Cotton Gin")).toEqual(["XPCC", "a numbered regiment"]);
  });

  it("does not fire on look-alikes", () => {
    expect(findXpccMarkers("第一师范学院服装厂")).toEqual([]);
    expect(findXpccMarkers("Regimental Tailors Ltd")).toEqual([]);
    expect(findXpccMarkers("Jiangsu Huafu Textile Co., Ltd.")).toEqual([]);
  });
});
