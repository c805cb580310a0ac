#!/usr/bin/env python3
"""Writes N applications (JSON lines, schema gongkai.application v1) for one agency: received
over 2021-2024, about 80% decided within 20 working days, the rest open, lapsed or withdrawn."""
import json, random, sys, datetime

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
agency = sys.argv[2] if len(sys.argv) > 2 else "樟树市工业和信息化局"
rnd = random.Random(7)
words = ["工业园区", "技术改造", "专项资金", "招商引资", "用地规划", "环评报告", "企业名录", "处罚决定",
         "补贴名单", "会议纪要", "统计数据", "项目批复", "合同文本", "财政预算", "安全生产"]
outcomes = ["1", "1", "1", "2", "2", "3.1", "3.4", "4.1", "4.2", "5.2"]
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
start = datetime.date(2021, 1, 4)

def weekday_after(d, days):
    while days > 0:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            days -= 1
    return d

for i in range(n):
    d = start + datetime.timedelta(days=rnd.randrange(0, 1420))
    while d.weekday() >= 5:
        d += datetime.timedelta(days=1)
    ev = lambda t, day, **kw: dict({"type": t, "date": day.isoformat(), "actor": "bench", "note": "",
                                    "party": "", "consulted": "third_party", "days": 0, "fee": 0,
                                    "fee_method": "per_volume", "outcomes": []}, **kw)
    events = [ev("submitted", d)]
    r = rnd.random()
    if d < datetime.date(2024, 10, 1) or r < 0.8:
        if r < 0.9:
            events.append(ev("decided", weekday_after(d, rnd.randrange(3, 18)),
                             outcomes=[rnd.choice(outcomes)]))
        elif r < 0.95:
            events.append(ev("withdrawn", weekday_after(d, 2)))
    org = rnd.random() < 0.2
    app = {"schema": "gongkai.application", "version": 1, "agency": agency, "number": "",
           "channel": "in_person",
           "applicant_kind": "commercial_enterprise" if org else "natural_person",
           "identity": {"document": "credit_code" if org else "resident_id",
                        "number": "91350100M000100Y43" if org else "11010519491231002X"},
           "contact": {"name": (rnd.choice(surnames) + rnd.choice("明华强军芳敏静丽")) if not org else "某科技有限公司",
                       "work_unit": "", "legal_representative": "王某" if org else "", "contact_person": "",
                       "phone": "13800000000", "fax": "", "email": "", "address": "", "postcode": ""},
           "description": "申请公开" + "、".join(rnd.sample(words, 2)) + "的相关文件（第%d号）" % i,
           "document_number": "", "purpose": "", "carrier": "paper", "delivery": "post",
           "decision_corrected": False, "events": events, "cases": [], "filing": None}
    print(json.dumps(app, ensure_ascii=False))
