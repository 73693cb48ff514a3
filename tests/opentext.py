"""Real sentences of the open texts in tests/data, shared by the assessment tests (each file's address is in its
.meta.json; ``test_opentext.py`` checks every one is there, verbatim). The assessment tests set a claim's source,
kind and stance by hand; each sentence is one said by a source of that kind and side."""

from __future__ import annotations

# VOA, 2024-10-29 (voa_pentagon_kursk_small_number.txt)
DOD_10000 = (
    "On Monday, the U.S. Department of Defense said that North Korea has sent about 10,000 troops to train in "
    "Russia, more than tripling the previous estimate, and warned that those forces would likely augment Russian "
    "forces near Ukraine over the next several weeks."
)
SMALL_NUMBER = (
    "The Pentagon said Tuesday a “small number” of North Korean troops have deployed to Russia’s Kursk region, "
    "where they are likely to be used in combat against Ukrainian troops."
)
YOON = (
    "South Korean President Yoon Suk Yeol said Tuesday that military cooperation between North Korea and Russia "
    "“poses a significant security threat to the international community.”"
)
# VOA, 2024-11-06 (voa_ukraine_drones_nk_battles.txt)
RUSSIAN_OFFICIALS = "Russian officials said there were no reports of damage or casualties."
UMEROV = "Rustem Umerov, Ukraine’s defense minister, has also confirmed the arrival of the North Korean forces."
SMALL_SCALE = (
    "In an interview with South Korea’s public broadcaster KBS, he said the Ukrainian and North Korean forces have "
    'engaged in "small-scale" fighting.'
)
KURSK = (
    "Ukrainian President Volodymyr Zelenskyy said Tuesday that his country’s forces have engaged in battle with "
    "the North Korean troops that were deployed to Russia to assist in its war on Ukraine."
)
FIRST_BATTLES = (
    '"The first battles with North Korean soldiers open a new page of instability in the world," Zelenskyy said '
    "Tuesday in his daily address — his first official acknowledgement of the encounter between the two forces."
)
SHELLED = (
    '"The first North Korean troops have already been shelled in the Kursk region," said Andrii Kovalenko, the head '
    "of the counter-disinformation branch of Ukraine’s National Security and Defense Council."
)
# DOD News, 2024-11-18 (dod_singh_kursk_11000.txt); ENTERING is the article's own voice
NO_EVIDENCE = (
    "There is no evidence that more North Korean troops are entering Russia, but that could change, Singh said."
)
ENTERING = "North Korean troops began entering Russia last month."
# VOA, 2024-10-23 (voa_austin_nk_soldiers_in_russia.txt): a U.S. statement, then the outlet's own reporting
AUSTIN = (
    "U.S. Defense Secretary Lloyd Austin told reporters Wednesday there is evidence that North Korean soldiers are "
    "in Russia, and that what they are doing there is “left to be seen.”"
)
NATO = (
    "“Allies have confirmed evidence of a DPRK troop deployment to Russia,” NATO spokesperson Farah Dakhlallah "
    "said in a statement to VOA."
)
BACKED = (
    "Austin’s assessment was quickly backed up by NATO officials, who are awaiting additional briefings from South "
    "Korea, which went public with its intelligence on the North Korean troop movements last week."
)
# VOA, 2012-04-13 (voa_nk_rocket_failed_2012.txt): North Korea's own account
ADMITS = "North Korea has acknowledged a multi-stage rocket it launched early Friday failed to reach orbit."
# White House press gaggle, 2024-10-25 (wh_kirby_gaggle_2024_10_25.txt)
COOPERATION = (
    "This deployment is the latest in a series of concerning indicators of deepening military cooperation between "
    "the DPRK and Russia, including arms and ballistic missile transfers that are in direct violation of U.N. "
    "Security Council resolutions."
)
# UN press release SC/15877, 2024-10-30 (un_sc_dprk_military_cooperation.txt)
EXPECTED = (
    "The Russian Federation’s invasion of Ukraine continues to inflict suffering on civilians, as well as inflame "
    "regional and global tensions, a senior United Nations official told the Security Council today, as speakers "
    "voiced alarm over the reported military cooperation between Moscow and the Democratic People’s Republic of "
    "Korea (DPRK), with troops from Pyongyang expected to participate in ground operations."
)

SENTENCES = (
    DOD_10000,
    SMALL_NUMBER,
    YOON,
    NATO,
    RUSSIAN_OFFICIALS,
    UMEROV,
    SMALL_SCALE,
    KURSK,
    FIRST_BATTLES,
    SHELLED,
    NO_EVIDENCE,
    ENTERING,
    AUSTIN,
    BACKED,
    ADMITS,
    COOPERATION,
    EXPECTED,
)
