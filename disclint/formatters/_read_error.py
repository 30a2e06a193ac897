"""A file that could not be read, in the user's language (issue 13): under Chinese the kind's Chinese
name and what it means (the reader's own detail is English, technical, and varies per file: it stays in
the English output and in every machine format); the kind id is kept where a machine or `disclint
explain` reads it — as the code `E<kind>` in the text line, as `kind` in JSON, `read-error/<kind>` in SARIF."""
from __future__ import annotations

# kind → (name, what it means); one entry per readers.base.ERROR_REASONS (a test checks both lists agree)
ZH = {
    "unreadable": ("无法打开", "文件无法打开或读取（权限不足、是文件夹、链接失效或文件不存在）"),
    "empty": ("空文件", "文件为空或只有空白"),
    "binary": ("二进制文件", "文件内容不是文本（扩展名是文本文件，内容却是二进制数据）"),
    "encoding": ("编码无法识别", "文本无法按 UTF-8、UTF-16、UTF-32、GB18030 或 Big5 编码解码"),
    "too-large": ("文件过大", "文件超过配置的大小上限"),
    "format": ("文件损坏或格式不符", "文件已损坏，或不是其扩展名所示的格式（例如截断的 Word 文档、损坏的 PDF）"),
    "encrypted": ("有密码保护", "文档设有密码保护"),
    "no-text": ("没有文字层", "文档没有可用的文字层（扫描件；不做 OCR 文字识别）"),
    "no-article": ("找不到正文", "网页中找不到文章正文"),
    "bomb": ("展开后过大", "压缩包或其中的标记展开后会超过安全上限"),
    "unsupported": ("不支持的格式", "此环境无法读取这种格式（例如未安装转换程序时的旧版 Word 文档）"),
    "nesting": ("标记嵌套过深", "网页标记的嵌套层数远超真实文档"),
    "internal": ("disclint 内部错误", "disclint 处理此文件时自身出错（程序缺陷，其余文件照常检查），请连同文件报告"),
}


def read_error_line(path: str, error, lang: str) -> str:
    """`path: Eencoding 无法读取（编码无法识别）：…` under Chinese; `path: error[encoding] detail` in English."""
    if lang == "en":
        return f"{path}: error[{error.reason}] {error.message}"
    name, meaning = ZH.get(error.reason, (error.reason, error.message))
    return f"{path}: E{error.reason} 无法读取（{name}）：{meaning}"


def read_error_explained(kind: str, meaning_en: str, lang: str) -> str:
    """`disclint explain Ebinary` in the user's language."""
    if lang == "en":
        return (f"read-error/{kind} (a file that could not be read, so was not linted)\n\n"
                f"{meaning_en[0].upper()}{meaning_en[1:]}.\n"
                "The file is reported with this kind in every output format and the rest of the batch goes on.\n")
    name, meaning = ZH[kind]
    return (f"E{kind} {name}（无法读取的文件，未检查）\n\n{meaning}。\n"
            "每种输出格式都报告这个文件及其原因，其余文件照常检查。\n")
