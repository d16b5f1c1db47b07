"""The indicator catalogue: every indicator of the atlas, named and defined in English and Korean.

Where the UK and Korea measure a quantity differently (employment, R&D personnel), the atlas keeps them as
separate indicators and says which measure each is; where they measure the same quantity with national
conventions (population, GDP per head in national currency), one indicator is used and each row's
``dataset`` and ``unit`` say which measure and currency it is. OECD indicators are the cross-country
comparable series (USD at purchasing-power parity).
"""

from __future__ import annotations

from collections.abc import Mapping

from innotwin.core.atlas.model import Indicator
from innotwin.core.errors import NotFoundError

__all__ = ["INDICATORS", "indicator"]


def _i(code: str, name_en: str, name_ko: str, definition_en: str, definition_ko: str, unit: str) -> Indicator:
    return Indicator(
        code=code,
        name_en=name_en,
        name_ko=name_ko,
        definition_en=definition_en,
        definition_ko=definition_ko,
        unit=unit,
    )


_ALL = (
    _i(
        "population",
        "Population",
        "인구",
        "Resident population. UK: ONS mid-year estimate (30 June). Korea: registered resident population "
        "(주민등록인구) on 31 December, excluding foreign residents.",
        "상주인구. 영국: 통계청(ONS) 연앙 추계인구(6월 30일). "
        "한국: 12월 31일 기준 주민등록인구(외국인 제외).",
        "persons",
    ),
    _i(
        "gdp",
        "Gross domestic product",
        "지역내총생산",
        "Regional GDP at current market prices in national currency (UK: balanced GVA plus taxes less "
        "subsidies on products, workplace-based).",
        "경상 시장가격 기준 지역내총생산(자국 통화). "
        "영국: 균형 GVA에 생산물세를 더하고 보조금을 뺀 값(사업장 기준).",
        "national currency, million",
    ),
    _i(
        "gdp_per_head",
        "GDP per head",
        "1인당 지역내총생산",
        "Regional GDP at current prices divided by resident population, in national currency (UK: GBP; "
        "Korea: GRDP per capita in KRW). Commuting inflates values for city centres.",
        "경상가격 지역내총생산을 상주인구로 나눈 값(자국 통화; 영국 파운드, 한국 원). "
        "통근으로 도심 지역 값이 커질 수 있음.",
        "national currency per person",
    ),
    _i(
        "gva",
        "Gross value added",
        "총부가가치",
        "Gross value added at current basic prices (UK: ONS balanced GVA). Without an industry it is the "
        "regional total; by industry it is summed to the 25 sectors of Korean regional accounts "
        "(classification kosis-gva25; merged sectors such as S06+S07 where ONS detail is coarser).",
        "경상 기본가격 총부가가치(영국: ONS 균형 GVA). 산업 구분이 없으면 지역 합계이며, "
        "산업별 값은 한국 지역계정의 25개 산업(kosis-gva25)으로 합산함"
        "(ONS 자료가 더 거친 경우 S06+S07처럼 산업을 묶음).",
        "national currency, million",
    ),
    _i(
        "gva_share",
        "Share of a sector in GVA",
        "산업별 부가가치 비중",
        "Nominal gross value added of a sector as a percentage of the sum over the 25 sectors of Korean "
        "regional accounts (net product taxes excluded).",
        "한국 지역계정 25개 산업 합계(순생산물세 제외) 대비 해당 산업 명목 총부가가치의 비율.",
        "%",
    ),
    _i(
        "employment_bres",
        "Employment (BRES)",
        "고용(영국 BRES)",
        "UK Business Register and Employment Survey employment: employees plus working owners at the "
        "workplace, rounded; by harmonised ISIC Rev.4 division group. Great Britain only.",
        "영국 사업체등록·고용조사(BRES)의 고용: 사업장 기준 피용자와 일하는 사업주의 합(반올림), ISIC Rev.4 "
        "중분류(조화 그룹)별. 그레이트브리튼만 포함.",
        "persons",
    ),
    _i(
        "workers_establishment_census",
        "Workers (Census on Establishments)",
        "종사자 수(전국사업체조사)",
        "Korean Census on Establishments workers (종사자): everyone engaged at the establishment, including "
        "proprietors and unpaid family workers; by harmonised ISIC Rev.4 division group (or KSIC division).",
        "전국사업체조사의 종사자 수: 사업체에서 일하는 모든 사람(대표자, 무급가족종사자 포함), ISIC Rev.4 "
        "중분류(조화 그룹) 또는 KSIC 중분류별.",
        "persons",
    ),
    _i(
        "enterprises_active",
        "Active enterprises",
        "활동 기업 수",
        "Enterprises with turnover or employment in the year (ONS business demography).",
        "해당 연도에 매출 또는 고용이 있는 기업 수(영국 통계청 기업 인구동태).",
        "enterprises",
    ),
    _i(
        "enterprises_active_10plus",
        "Active enterprises with 10 or more employees",
        "종업원 10인 이상 활동 기업 수",
        "Active enterprises with at least ten employees (ONS business demography).",
        "종업원 10인 이상인 활동 기업 수(영국 통계청 기업 인구동태).",
        "enterprises",
    ),
    _i(
        "enterprise_births",
        "Enterprise births",
        "기업 신생",
        "Enterprises that became active in the year (ONS business demography).",
        "해당 연도에 새로 활동을 시작한 기업 수(영국 통계청 기업 인구동태).",
        "enterprises",
    ),
    _i(
        "enterprise_deaths",
        "Enterprise deaths",
        "기업 소멸",
        "Enterprises that ceased to be active in the year (ONS business demography).",
        "해당 연도에 활동을 멈춘 기업 수(영국 통계청 기업 인구동태).",
        "enterprises",
    ),
    _i(
        "enterprises_high_growth",
        "High-growth enterprises",
        "고성장 기업 수",
        "Enterprises with 10+ employees whose employment grew by more than 20% a year over three years "
        "(ONS business demography).",
        "종업원 10인 이상으로 3년간 고용이 연평균 20% 넘게 증가한 기업 수(영국 통계청 기업 인구동태).",
        "enterprises",
    ),
    _i(
        "listed_companies",
        "Listed companies",
        "상장기업 수",
        "Companies listed on the Korea Exchange (KOSPI, KOSDAQ, KONEX), counted by the sido of the head "
        "office; foreign issuers excluded.",
        "한국거래소(유가증권시장·코스닥·코넥스) 상장기업 수, 본사 소재 시도 기준, 외국 기업 제외.",
        "companies",
    ),
    _i(
        "rd_expenditure_total",
        "R&D expenditure, all sectors",
        "총 연구개발비",
        "Gross domestic expenditure on R&D performed in the region by all sectors (Korean Survey of "
        "Research and Development).",
        "해당 지역에서 수행된 모든 부문의 연구개발비(연구개발활동조사).",
        "national currency, million",
    ),
    _i(
        "rd_expenditure_business",
        "Business R&D expenditure (BERD)",
        "기업 연구개발비(BERD)",
        "R&D expenditure of the business enterprise sector performed in the region (Eurostat rd_e_gerdreg).",
        "기업 부문이 해당 지역에서 수행한 연구개발비(유로스타트 rd_e_gerdreg).",
        "EUR",
    ),
    _i(
        "rd_expenditure_higher_education",
        "Higher-education R&D expenditure (HERD)",
        "대학 연구개발비(HERD)",
        "R&D expenditure of the higher-education sector performed in the region (Eurostat rd_e_gerdreg).",
        "고등교육 부문이 해당 지역에서 수행한 연구개발비(유로스타트 rd_e_gerdreg).",
        "EUR",
    ),
    _i(
        "rd_expenditure_government",
        "Government R&D expenditure (GOVERD)",
        "정부 연구개발비(GOVERD)",
        "R&D expenditure of the government sector performed in the region (Eurostat rd_e_gerdreg).",
        "정부 부문이 해당 지역에서 수행한 연구개발비(유로스타트 rd_e_gerdreg).",
        "EUR",
    ),
    _i(
        "rd_personnel",
        "R&D personnel, all sectors",
        "연구개발인력",
        "Headcount of R&D personnel in all sectors (Korean Survey of Research and Development, as "
        "republished; whether support staff are included is not stated).",
        "모든 부문의 연구개발인력 인원(연구개발활동조사 재게시 자료; 지원인력 포함 여부는 명시되지 않음).",
        "persons",
    ),
    _i(
        "rd_personnel_business",
        "Business R&D personnel",
        "기업 연구개발인력",
        "Headcount of R&D personnel in the business enterprise sector (Eurostat rd_p_persreg).",
        "기업 부문 연구개발인력 인원(유로스타트 rd_p_persreg).",
        "persons",
    ),
    _i(
        "epo_patent_applications",
        "Patent applications to the EPO",
        "유럽특허청 특허출원",
        "Applications to the European Patent Office by priority year, fractionally counted by inventor "
        "region (Eurostat pat_ep_rtot).",
        "우선권 연도 기준 유럽특허청 특허출원 건수, 발명자 지역별 분수 계산(유로스타트 pat_ep_rtot).",
        "applications",
    ),
    _i(
        "ukri_funding",
        "UKRI research funding awarded",
        "영국연구혁신기구(UKRI) 연구비 수주액",
        "Funding awarded by UK Research and Innovation in the year, attributed to the lead organisation's "
        "region (Gateway to Research, summed by Nesta).",
        "해당 연도 영국연구혁신기구(UKRI)가 지원한 연구비, 주관기관 소재 지역 기준"
        "(Gateway to Research, Nesta 집계).",
        "GBP",
    ),
    _i(
        "innovate_uk_funding",
        "Innovate UK funding awarded",
        "이노베이트 UK 지원액",
        "Grant funding awarded by Innovate UK to organisations in the region (summed by Nesta).",
        "이노베이트 UK가 해당 지역 기관에 지원한 금액(Nesta 집계).",
        "GBP",
    ),
    _i(
        "university_research_income",
        "University research income",
        "대학 연구수입",
        "Research grants and contracts income of universities in the region (HESA, academic year).",
        "해당 지역 대학의 연구비·연구계약 수입(HESA, 학년도 기준).",
        "GBP",
    ),
    _i(
        "postgraduate_research_students",
        "Full-time postgraduate research students",
        "전일제 대학원 연구과정 학생 수",
        "Full-time postgraduate research students enrolled at universities in the region (HESA).",
        "해당 지역 대학에 등록한 전일제 대학원 연구과정 학생 수(HESA).",
        "persons",
    ),
    _i(
        "universities",
        "Universities",
        "대학 수",
        "Four-year universities (일반대학) located in the region (Korean education statistics, 1 April).",
        "지역에 소재한 일반대학(4년제) 수(교육통계, 4월 1일 기준).",
        "institutions",
    ),
    _i(
        "university_students",
        "University students",
        "대학 재적학생 수",
        "Students enrolled (재적) at four-year universities in the region (Korean education statistics).",
        "지역 일반대학의 재적학생 수(교육통계).",
        "persons",
    ),
    _i(
        "graduate_schools",
        "Graduate schools",
        "대학원 수",
        "Graduate schools (대학원) located in the region (Korean education statistics).",
        "지역에 소재한 대학원 수(교육통계).",
        "institutions",
    ),
    _i(
        "graduate_students",
        "Graduate students",
        "대학원 재적학생 수",
        "Students enrolled at graduate schools in the region (Korean education statistics).",
        "지역 대학원의 재적학생 수(교육통계).",
        "persons",
    ),
    _i(
        "employed_persons",
        "Employed persons",
        "취업자 수",
        "Employed persons aged 15 and over living in the region, annual average of the Economically "
        "Active Population Survey.",
        "해당 지역에 거주하는 15세 이상 취업자 수, 경제활동인구조사 연평균.",
        "persons",
    ),
    _i(
        "economically_active_persons",
        "Economically active persons",
        "경제활동인구",
        "Employed plus unemployed persons aged 15 and over living in the region (annual average).",
        "해당 지역에 거주하는 15세 이상 취업자와 실업자의 합(연평균).",
        "persons",
    ),
    _i(
        "unemployment_rate",
        "Unemployment rate",
        "실업률",
        "Unemployed persons as a percentage of the economically active population (annual average).",
        "경제활동인구 대비 실업자의 비율(연평균).",
        "%",
    ),
    _i(
        "employment_rate_15_64",
        "Employment rate, ages 15-64",
        "고용률(15~64세)",
        "Employed persons aged 15-64 as a percentage of the population aged 15-64 (annual average).",
        "15~64세 인구 대비 15~64세 취업자의 비율(연평균).",
        "%",
    ),
    _i(
        "oecd_gdp_usd_ppp",
        "GDP, USD PPP (OECD)",
        "지역내총생산, 구매력평가 달러(OECD)",
        "Regional GDP in US dollars at constant prices and purchasing-power parities, from the OECD "
        "Regional Database (Regional Outlook 2023 imputed series); comparable across countries.",
        "OECD 지역 데이터베이스의 불변가격·구매력평가(PPP) 미국 달러 기준 지역내총생산"
        "(지역 전망 2023 보정 계열), 국가 간 비교 가능.",
        "USD million (PPP, constant prices)",
    ),
    _i(
        "oecd_population",
        "Population (OECD)",
        "인구(OECD)",
        "Population of the OECD region (OECD Regional Database, Regional Outlook 2023 series).",
        "OECD 지역의 인구(OECD 지역 데이터베이스, 지역 전망 2023 계열).",
        "persons",
    ),
    _i(
        "oecd_gdp_per_head_usd_ppp",
        "GDP per head, USD PPP (OECD)",
        "1인당 지역내총생산, 구매력평가 달러(OECD)",
        "Regional GDP per head in US dollars at constant prices and purchasing-power parities (OECD "
        "Regional Outlook 2023 imputed series); comparable across countries.",
        "불변가격·구매력평가(PPP) 미국 달러 기준 1인당 지역내총생산"
        "(OECD 지역 전망 2023 보정 계열), 국가 간 비교 가능.",
        "USD (PPP, constant prices)",
    ),
)

INDICATORS: Mapping[str, Indicator] = {indicator.code: indicator for indicator in _ALL}
"""Every indicator of the atlas by code."""


def indicator(code: str) -> Indicator:
    """The catalogue entry for ``code``; :class:`NotFoundError` names the known codes when there is none."""
    try:
        return INDICATORS[code]
    except KeyError:
        known = ", ".join(sorted(INDICATORS))
        raise NotFoundError(f"'{code}' is not an atlas indicator; known indicators: {known}.") from None
