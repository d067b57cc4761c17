#!/usr/bin/env python3
"""Generates packs/gaozi/samples/customers.jsonl: 240 made-up customers for the demo and the tests.

Deterministic (fixed seed): run it again and you get the same file.
    python3 rules-examples/tools/gen_gaozi_customers.py
The mix follows the Gaozi figures: most customers cold or warm, roughly one in six hot, a few brand-new
customers who have not filled in the survey. About a fifth of the lines give the tags as a code string
("codes") or as a staff remark ("remark") instead of survey answers. All names and texts are invented.
"""
import json
import os
import random

COUNT = 240
rnd = random.Random(20261123)

CODES = {
    "problems": {"dry": "1", "oily": "2", "acne": "3", "closed": "4", "spots": "5", "sensitive": "6",
                 "pores": "7", "wrinkles": "8"},
    "concern": {"dry": "A", "oily": "B", "closed": "C", "acne": "D", "spots": "E", "sensitive": "F",
                "pores": "G", "wrinkles": "H"},
    "skin": {"dry": "T1", "oily": "T2", "combination": "T3", "normal": "T4", "sensitive": "T5"},
    "urgency": {"now": "U1", "month": "U2", "browsing": "U3"},
    "budget": {"low": "P1", "mid": "P2", "high": "P3"},
}
CONCERNS = [("acne", 30), ("closed", 15), ("dry", 14), ("spots", 12), ("sensitive", 10), ("oily", 11),
            ("pores", 5), ("wrinkles", 3)]
RELATED = {"acne": ["oily", "closed", "pores"], "closed": ["acne", "oily"], "dry": ["sensitive", "wrinkles"],
           "spots": ["dry", "wrinkles"], "sensitive": ["dry"], "oily": ["pores", "acne"],
           "pores": ["oily"], "wrinkles": ["dry", "spots"]}
SKIN = {"acne": "oily", "closed": "combination", "dry": "dry", "spots": "normal", "sensitive": "sensitive",
        "oily": "oily", "pores": "combination", "wrinkles": "dry"}
NAMES = ["小美", "晓雯", "佳佳", "小鹿", "糖糖", "阿琳", "若曦", "思思", "小雅", "婷婷", "可可", "安安", "小米",
         "悦悦", "欣怡", "梦瑶", "小晴", "甜甜", "静静", "小橙"]
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
CITIES = ["上海", "杭州", "北京", "广州", "深圳", "成都", "南京", "武汉", "苏州", "长沙"]
PRICE = ["这个多少钱呀", "怎么买？", "有链接吗", "价格多少", "想下单了"]
USAGE = ["这个怎么用", "一般多久见效", "适合我吗"]
URGENT = ["最近爆痘好着急", "下周要拍婚纱照了", "急死了，脸越来越差"]
DOUBT = ["真的有用吗", "会不会过敏呀", "有副作用吗", "真的假的"]
REFUSE = ["不需要了谢谢", "有点太贵了", "再说吧", "不用了"]
NEUTRAL = ["好的", "谢谢小丸子", "收到", "嗯嗯我看看", "我平时就用洗面奶", "最近熬夜比较多", "下巴老长东西"]


def weighted(pairs):
    total = sum(w for _, w in pairs)
    r = rnd.uniform(0, total)
    for value, w in pairs:
        r -= w
        if r <= 0:
            return value
    return pairs[-1][0]


def answers():
    concern = weighted(CONCERNS)
    problems = [concern] + [p for p in RELATED[concern] if rnd.random() < 0.4]
    order = list(CODES["problems"])
    a = {"problems": sorted(set(problems), key=order.index), "concern": concern}
    if rnd.random() < 0.85:
        a["skin"] = SKIN[concern] if rnd.random() < 0.7 else rnd.choice(list(CODES["skin"]))
    a["urgency"] = weighted([("now", 9), ("month", 40), ("browsing", 51)])
    if rnd.random() < 0.8:
        a["budget"] = weighted([("low", 35), ("mid", 45), ("high", 20)])
    return a


def codes(a):
    out = ""
    for q in CODES:
        chosen = a.get(q)
        if chosen is None:
            continue
        for option in (chosen if isinstance(chosen, list) else [chosen]):
            out += CODES[q][option]
    return out


def messages(urgency):
    m = []
    hot_leaning = urgency == "now"
    if rnd.random() < (0.40 if hot_leaning else 0.07):
        m.append(rnd.choice(PRICE))
    if rnd.random() < 0.12:
        m.append(rnd.choice(USAGE))
    if rnd.random() < (0.25 if hot_leaning else 0.04):
        m.append(rnd.choice(URGENT))
    if rnd.random() < 0.12:
        m.append(rnd.choice(DOUBT))
    if rnd.random() < 0.10:
        m.append(rnd.choice(REFUSE))
    if rnd.random() < 0.45:
        m.insert(0, rnd.choice(NEUTRAL))
    return m


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "packs", "gaozi", "samples", "customers.jsonl")
    lines = []
    for i in range(1, COUNT + 1):
        nickname = rnd.choice(NAMES)
        c = {"id": "c%03d" % i}
        new_customer = rnd.random() < 0.08
        urgency = None
        if not new_customer:
            a = answers()
            urgency = a["urgency"]
            form = weighted([("answers", 78), ("codes", 12), ("remark", 10)])
            if form == "answers":
                c["answers"] = a
            elif form == "codes":
                c["codes"] = codes(a)
            else:
                c["remark"] = rnd.choice(SURNAMES) + "女士 " + codes(a)
        c["messages"] = [] if new_customer else messages(urgency)
        silent = weighted([(0, 30), (2, 20), (12, 15), (30, 15), (60, 12), (200, 8)])
        c["signals"] = {
            "replied": (not new_customer) and silent < 24 and rnd.random() < 0.6,
            "silentHours": 0 if new_customer else silent,
            "clickedLink": (not new_customer) and rnd.random() < 0.10,
            "purchasedBefore": (not new_customer) and rnd.random() < 0.10,
            "touchesToday": 0 if new_customer else weighted([(0, 60), (1, 25), (2, 10), (3, 5)]),
        }
        attributes = {"nickname": nickname, "city": rnd.choice(CITIES)}
        if not new_customer and rnd.random() < 0.6:
            attributes["welfare"] = "sent"
            if rnd.random() < 0.3:
                attributes["group"] = "joined"
        c["attributes"] = attributes
        lines.append(json.dumps(c, ensure_ascii=False, separators=(",", ":")))
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", len(lines), "customers to", os.path.normpath(target))


if __name__ == "__main__":
    main()
