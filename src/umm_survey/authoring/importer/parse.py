"""Parse awesome-list Markdown into listed papers: the companion list's tables, bullet lists, BradyFU's tables.

Parsing knows nothing of the catalogue: it reports what each line says, and
the line numbers of lines it could not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from umm_survey.links import arxiv_id_from_url, normalise_url

MONTHS = {name: index for index, name in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
LINK = re.compile(r"\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<url>[^)\s]+)\)")
BADGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
STAR_BADGE = re.compile(r"img\.shields\.io/github/stars/(?P<repo>[\w.-]+/[\w.-]+?)(?:\.svg)?\?")
BULLET = re.compile(r"^\s*[+*-]\s+\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)\s*\((?P<when>[A-Za-z]+)\.?\s+(?P<year>\d{4}),\s*(?P<venue>[^)]*)\)")
SIZE = re.compile(r"^(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[KMB]?)\+?$", re.IGNORECASE)
COLUMN_NAMES = {"name": "name", "dataset": "name", "title": "title", "paper": "title", "venue": "venue", "date": "date", "code": "code", "demo": "demo", "page": "project", "samples": "size", "sample": "size"}


@dataclass
class ListedPaper:
    line: int
    headings: list[str]
    title: str
    url: str
    name: str = ""
    arxiv: str | None = None
    venue: str = ""
    date: str = ""  # YYYY-MM-DD, or YYYY-MM when the list gives only a month
    code: str | None = None
    demo: str | None = None
    project: str | None = None
    data: str | None = None
    size: int | None = None
    star_repo: str | None = None


@dataclass
class ParseResult:
    papers: list[ListedPaper] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)


def parse_list(text: str) -> ParseResult:
    result = ParseResult()
    headings: list[tuple[int, str]] = []
    columns: list[str] | None = None
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        heading = HEADING.match(line)
        if heading and not line.startswith("#!"):
            level = len(heading["hashes"])
            headings = [item for item in headings if item[0] < level] + [(level, _clean_heading(heading["text"]))]
            columns = None
            continue
        if line.lstrip().startswith("|"):
            cells = _cells(line)
            if _is_separator(cells):
                continue
            header = [COLUMN_NAMES.get(cell.strip("* ").lower()) for cell in cells]
            if "title" in header and sum(name is not None for name in header) >= 3:
                columns = header
                continue
            if columns is None:
                result.skipped.append((number, "table row without a recognised header row"))
                continue
            paper = _table_row(cells, columns, number, [text for _, text in headings])
            if isinstance(paper, str):
                result.skipped.append((number, paper))
            else:
                result.papers.append(paper)
            continue
        columns = None if line.strip() and not line.lstrip().startswith("|") else columns
        bullet = BULLET.match(line)
        if bullet:
            result.papers.append(_bullet(bullet, lines, number, [text for _, text in headings]))
        elif re.match(r"^\s*[+*-]\s+\[[^\]]+\]\(https?://", line) and "arxiv" in line.lower():
            result.skipped.append((number, "a bullet without `(Mon. YYYY, Venue)` after the link"))
    return result


def _clean_heading(text: str) -> str:
    text = re.sub(r"<!--.*?-->", "", text)
    text = LINK.sub(lambda match: match["text"], BADGE.sub("", text))
    text = re.sub(r":[a-z_]+:", "", text)
    return " ".join(text.split()).strip()


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", body)]


def _is_separator(cells: list[str]) -> bool:
    return all(re.fullmatch(r":?-{2,}:?", cell.replace(" ", "")) or not cell for cell in cells)


def _table_row(cells: list[str], columns: list[str], number: int, headings: list[str]) -> ListedPaper | str:
    values: dict[str, str] = {}
    for name, cell in zip(columns, cells):
        if name and name not in values:
            values[name] = cell
    title_cell = values.get("title", "")
    link = LINK.search(BADGE.sub("", title_cell))
    name_cell = values.get("name", "")
    name_link = LINK.search(name_cell)
    if not link and not name_link:
        return "no [title](link) in the title column"
    source = link or name_link  # a dataset released without a paper: its page stands in
    paper = ListedPaper(
        line=number,
        headings=headings,
        title=_plain(source["text"]),
        url=normalise_url(source["url"]),
        name=_plain(name_link["text"] if name_link else name_cell),
        venue=_plain(values.get("venue", "")),
        date=_date(values.get("date", "")),
        code=_cell_link(values.get("code", "")),
        demo=_cell_link(values.get("demo", "")),
        project=_cell_link(values.get("project", "")),
        data=normalise_url(name_link["url"]) if name_link else None,
        size=_size(values.get("size", "")),
    )
    paper.arxiv = arxiv_id_from_url(paper.url)
    star = STAR_BADGE.search(" ".join(cells))
    paper.star_repo = star["repo"] if star else None
    if not paper.date:
        return f"no date in {values.get('date', '')!r}"
    return paper


def _bullet(match: re.Match[str], lines: list[str], number: int, headings: list[str]) -> ListedPaper:
    month = MONTHS.get(match["when"][:3].lower())
    paper = ListedPaper(
        line=number,
        headings=headings,
        title=_plain(match["title"]),
        url=normalise_url(match["url"]),
        venue=match["venue"].strip(),
        date=f"{match['year']}-{month:02d}" if month else match["year"],
    )
    paper.arxiv = arxiv_id_from_url(paper.url)
    for follower in lines[number : number + 4]:
        if BULLET.match(follower) or HEADING.match(follower):
            break
        star = STAR_BADGE.search(follower)
        if star:
            paper.star_repo = star["repo"]
            target = re.search(r"\]\((https://github\.com/[^)\s]+)\)\s*$", follower.strip())
            paper.code = normalise_url(target.group(1)) if target else f"https://github.com/{star['repo']}"
    return paper


def _plain(text: str) -> str:
    text = BADGE.sub("", text)
    text = re.sub(r"<br\s*/?>", " ", text)
    text = LINK.sub(lambda match: match["text"], text)
    return " ".join(text.replace("**", "").split()).strip()


def _cell_link(cell: str) -> str | None:
    match = LINK.search(BADGE.sub("", cell))
    return normalise_url(match["url"]) if match else None


def _date(cell: str) -> str:
    cell = _plain(cell)
    full = re.fullmatch(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", cell)
    if full:
        return f"{full[1]}-{int(full[2]):02d}-{int(full[3]):02d}"
    month = re.fullmatch(r"(\d{4})[/-](\d{1,2})", cell)
    return f"{month[1]}-{int(month[2]):02d}" if month else ""


def _size(cell: str) -> int | None:
    match = SIZE.match(_plain(cell).replace(",", ""))
    if not match:
        return None
    factor = {"": 1, "K": 1_000, "M": 1_000_000, "B": 1_000_000_000}[match["unit"].upper()]
    return round(float(match["number"]) * factor)
