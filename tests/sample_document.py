"""A hand-built Document that uses every node type, for renderer tests."""

from briefgen.model import (
    BulletList,
    Callout,
    Document,
    Emph,
    Entry,
    Figure,
    Footnote,
    Heading,
    Link,
    Marker,
    Meta,
    NoteList,
    Paragraph,
    Quote,
    Strong,
    Style,
    Table,
    TableOfContents,
    Text,
)

T = Text


def sample_document(style: Style | None = None, paragraphs: int = 3) -> Document:
    meta = Meta(
        title="Water Allocation in the Basin", subtitle="Options for the inter-ministerial committee",
        author=("Policy Unit",), date="3 March 2025", lang="en-GB", audience="Minister",
        marking="TLP:GREEN", subject="Water policy", keywords=("water", "drought"),
    )
    body = [
        Callout("Key points", (BulletList((
            (T("Reservoir levels fell by a third "), Footnote("1", (T("A. Author, “Title,” "), Emph((T("Daily News"),)), T(", 2024."))),),
            (T("R&D <spending> rose “sharply” & fast"), Footnote("2", (T("Ibid."),))),
        )),)),
        TableOfContents(depth=2),
        Heading(1, (T("Background"),), "sec-background"),
    ]
    for i in range(paragraphs):
        body.append(Paragraph((
            T("Plain text, "), Strong((T("bold"),)), T(", "), Emph((T("italic"),)), T(", a "),
            Link("https://example.org/report?a=1&b=2", (T("link"),)), T(f" and paragraph {i}."),
            Marker("3", "note-3", True),
        )))
    body += [
        Quote((T("“Water is the new oil,” said the minister."),)),
        Heading(2, (T("Data 数据"),), "sec-data"),
        Table((( T("Source"),), (T("Claims"),)), (((T("Daily News"),), (T("3"),)), ((T("Gazette"),), (T("1"),))), caption="Table 1. Claims per source"),
        Figure("coverage", "Figure 1. Sources by theme", Table(((T("Source"),), (T("Drought"),)), (((T("Daily News"),), (T("2"),)),))),
        BulletList(((T("First"),), (T("Second"),)), ordered=True),
        Heading(1, (T("Notes"),), "sec-notes"),
        NoteList((Entry("note-3", "3.", (T("Gazette, “Dams,” 2023, "), Link("https://example.org/dams", (T("https://example.org/dams"),)), T("."))),)),
    ]
    return Document(meta=meta, body=tuple(body), style=style or Style())
