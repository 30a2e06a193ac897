"""The HTML reader's title, with the furniture a site puts in the same box taken off (issue 14's
「登录注册无障碍浏览兴华乡」, old/017 in ../shared/corpus, here as the page's title box)."""
from __future__ import annotations

from disclint.readers import html

PAGE = """<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="兴华乡2023年政府信息公开工作年度报告"><title>兴华乡2023年政府信息公开工作年度报告_政府信息公开</title></head>
<body><div class="top-title">登录注册无障碍浏览兴华乡2023年政府信息公开工作年度报告</div>
<div class="content"><p>根据《中华人民共和国政府信息公开条例》规定，现将我乡2023年政府信息公开工作情况报告如下。本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>
<p>一、总体情况</p><p>2023年，兴华乡坚持以公开为常态、不公开为例外，主动公开政府信息，及时回应关切，依法办理申请。</p></div>
</body></html>"""


def test_title_box_without_furniture():
    source = html.read("page.html", PAGE.encode("utf-8"))
    assert source.text.splitlines()[0] == "兴华乡2023年政府信息公开工作年度报告"
