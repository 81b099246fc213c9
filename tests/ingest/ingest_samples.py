"""Tiny real-looking inputs for the ingest readers, one of each format (hand-written)."""

from __future__ import annotations

AKKAS_BODY = (
    "Iraqi forces on Tuesday recaptured the Akkas gas field in western Anbar, "
    "the Joint Operations Command said.\n"
    "\n"
    "The field, near the Syrian border, had been held by the Islamic State since 2014.\n"
)

AKKAS_REPORT = (
    "url: https://www.iraqinews.com/iraq-war/iraqi-forces-retake-akkas-gas-field/\n"
    "title: Iraqi forces retake Akkas gas field\n"
    "outlet: IraqiNews\n"
    "published: 2017-10-31\n"
    "language: en\n"
    "\n" + AKKAS_BODY
).encode("utf-8")

ARABIC_BODY = "استعادت القوات العراقية السيطرة على حقل عكاز للغاز غرب الأنبار.\n"

ARABIC_REPORT_1256 = (
    "url: https://www.alsumaria.tv/news/akkas\n"
    "title: " + "القوات العراقية تستعيد حقل عكاز" + "\n"
    "outlet: السومرية نيوز\n"
    "published: 31/10/2017\n"
    "\n" + ARABIC_BODY
).encode("windows-1256")

RAWA_PAGE = b"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>Iraqi forces enter Rawa, last IS-held town - Rudaw</title>
<meta property="og:title" content="Iraqi forces enter Rawa, last IS-held town">
<meta property="og:site_name" content="Rudaw English">
<meta property="og:url" content="https://www.rudaw.net/english/middleeast/iraq/17112017">
<meta property="article:published_time" content="2017-11-17T09:30:00+03:00">
<link rel="canonical" href="https://www.rudaw.net/english/middleeast/iraq/17112017">
<script>window.ads = "<p>Advertisement</p>";</script>
<style>p { color: black }</style>
</head>
<body>
<header><nav><a href="/">Home</a><p>Kurdistan | Iraq | World</p></nav></header>
<article>
<h1>Iraqi forces enter Rawa, last IS-held town</h1>
<p>Iraqi forces entered the town of Rawa on Friday,
the last town in Iraq held by the Islamic State.</p>
<aside><p>Read also: Qaim retaken two weeks ago.</p></aside>
<p>The army and the Hashd al-Shaabi advanced from three sides, the Joint Operations Command said.
<p>Prime Minister Haider al-Abadi congratulated the troops.</p>
<form><p>Subscribe to our newsletter</p></form>
</article>
<footer><p>Copyright 2017 Rudaw</p></footer>
</body>
</html>
"""

RAWA_TEXT = (
    "Iraqi forces entered the town of Rawa on Friday, the last town in Iraq held by the Islamic State.\n"
    "\n"
    "The army and the Hashd al-Shaabi advanced from three sides, the Joint Operations Command said.\n"
    "\n"
    "Prime Minister Haider al-Abadi congratulated the troops."
)

RSS_FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Kurdistan24</title>
<link>https://www.kurdistan24.net/en</link>
<language>en-us</language>
<item>
<title>Iraqi forces retake Qaim from Islamic State</title>
<link>https://www.kurdistan24.net/en/news/qaim</link>
<pubDate>Fri, 03 Nov 2017 14:05:00 +0300</pubDate>
<description>&lt;p&gt;Iraqi forces retook the border town of al-Qaim on Friday.&lt;/p&gt;&lt;p&gt;The town lies on the Euphrates near Syria.&lt;/p&gt;</description>
</item>
<item>
<title>Akkas gas field recaptured</title>
<link>https://www.kurdistan24.net/en/news/akkas</link>
<pubDate>Tue, 31 Oct 2017 10:00:00 GMT</pubDate>
<source url="https://www.iraqinews.com/feed/">IraqiNews</source>
<content:encoded><![CDATA[<p>Iraqi forces recaptured the Akkas gas field.</p>]]></content:encoded>
</item>
</channel>
</rss>
"""

ATOM_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title>Musings on Iraq</title>
<link href="http://musingsoniraq.blogspot.com/"/>
<entry>
<title type="html">Security in Iraq, Nov 1-7 &amp;amp; Anbar</title>
<link rel="alternate" href="http://musingsoniraq.blogspot.com/2017/11/security-in-iraq.html"/>
<published>2017-11-08T08:00:00-08:00</published>
<updated>2017-11-09T00:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>There were 45 incidents in Iraq.</p><p>Anbar was quiet after Rawa fell.</p></div></content>
</entry>
<entry>
<title>Shafaq: clashes in Kirkuk</title>
<link href="https://shafaq.com/en/kirkuk"/>
<updated>2017-10-16</updated>
<source><title>Shafaaq News</title></source>
<summary>Clashes broke out south of Kirkuk.</summary>
</entry>
</feed>
"""

JSONL_LINES = [
    b'{"url": "https://www.reuters.com/article/iraq-kirkuk", "title": "Iraqi forces take Kirkuk", '
    b'"outlet": "Reuters", "published": "2017-10-16", "language": "en", '
    b'"text": "Iraqi forces took control of Kirkuk on Monday."}',
    b'{"title": "Offensive on Hawija launched", "outlet": "AFP", "published": "2017-09-21", '
    b'"text": "Iraq launched an offensive to retake Hawija."',  # the closing brace is missing
    b'{"url": "https://www.aa.com.tr/en/middle-east/tal-afar", "title": "Tal Afar liberated", '
    b'"published": "August 31, 2017", "text": "Iraqi forces liberated Tal Afar."}',
]
