import { useEffect, useState } from "react";
import { hasHan } from "../format.ts";

type PinyinFn = (text: string, options: { toneType: "symbol"; separator: string }) => string;
let pinyinLoader: Promise<PinyinFn> | undefined;

/** pinyin-pro is ~300 kB: loaded only on pages that show Chinese names. */
function loadPinyin(): Promise<PinyinFn> {
  pinyinLoader ??= import("pinyin-pro").then((m) => m.pinyin as unknown as PinyinFn);
  return pinyinLoader;
}

/** A name; when it is written in Chinese, its pinyin beside it, so reviewers can read and compare both. */
export function HanName(props: { text: string; className?: string; pinyin?: boolean }) {
  const { text, className, pinyin: wanted = true } = props;
  const [pinyin, setPinyin] = useState<string | undefined>();
  useEffect(() => {
    if (!wanted || !hasHan(text)) return;
    let live = true;
    loadPinyin().then(
      (fn) => {
        // Only the Chinese runs: Latin text around them stays as it is.
        const runs = text.match(/[\u3400-\u9fff]+/g) ?? [];
        if (live) setPinyin(runs.map((run) => fn(run, { toneType: "symbol", separator: " " })).join(" · "));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [text, wanted]);
  if (!hasHan(text)) return <span className={className}>{text}</span>;
  return (
    <span className={`han-name ${className ?? ""}`}>
      <span lang="zh-Hans">{text}</span>
      {pinyin && (
        <span className="pinyin" lang="zh-Latn-pinyin">
          {pinyin}
        </span>
      )}
    </span>
  );
}
