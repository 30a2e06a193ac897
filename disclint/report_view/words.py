"""The names a reader sees for the contract's ids (finding kinds, sections, severities), per language."""
from __future__ import annotations

SEVERITY = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
            "en": {"error": "error", "warning": "warning", "info": "note"}}
KIND = {
    "zh": {"not-annual-report": "非年度报告", "missing-section": "缺少部分", "section-order": "部分顺序",
           "numbering": "序号编排", "missing-table": "缺少表格", "table-shape": "表格结构",
           "table-cell": "单元格内容", "table-identity": "勾稽关系", "missing-statistic": "缺少数据",
           "text-table-mismatch": "文表不符", "year-mismatch": "年份不符", "deadline": "逾期发布",
           "placeholder": "模板残留", "garbled": "文字损坏", "carry-over": "跨年度衔接",
           "outdated-format": "格式过时", "unused-suppression": "多余的忽略标记", "rule-error": "规则错误"},
    "en": {"not-annual-report": "not an annual report", "missing-section": "missing section",
           "section-order": "section order", "numbering": "numbering", "missing-table": "missing table",
           "table-shape": "table shape", "table-cell": "table cell", "table-identity": "table arithmetic",
           "missing-statistic": "missing figure", "text-table-mismatch": "text contradicts table",
           "year-mismatch": "wrong year", "deadline": "published late", "placeholder": "template residue",
           "garbled": "damaged text", "carry-over": "carry-over between years",
           "outdated-format": "outdated format", "unused-suppression": "unused suppression",
           "rule-error": "rule error"},
}
SECTION = {
    "zh": {"overview": "总体情况", "proactive": "主动公开", "requests": "依申请公开", "fees": "收费及减免",
           "appeals": "复议诉讼", "problems": "问题及改进", "other": "其他事项"},
    "en": {"overview": "overview", "proactive": "proactive disclosure", "requests": "requests",
           "fees": "fees", "appeals": "reviews and lawsuits", "problems": "problems and improvements",
           "other": "other matters"},
}


def labels(lang: str) -> dict:
    """Everything the view's script names, in `lang`."""
    from . import table_labels

    lang = "en" if lang == "en" else "zh"
    return {"lang": lang, "tables": table_labels(lang), "kinds": KIND[lang], "sections": SECTION[lang],
            "severity": SEVERITY[lang]}
