"""Why a request was not scheduled, as a stable code with a message in English and Korean.

The scheduler never raises for a request it cannot place: it returns an
:class:`~innotwin.core.scheduling.Unscheduled` entry carrying one of these codes, the way pretalx returns
schedule warnings. The messages are templates filled with the request's id.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Reason", "conflict_message", "message"]


class Reason(StrEnum):
    """The reason a request is unscheduled.

    The first three are *static*: no schedule at all could hold the request. The others are *dynamic*:
    the request lost out to other meetings in every slot it could use.
    """

    NO_COMMON_SLOT = "no_common_slot"
    NO_TABLE = "no_table"
    NO_INTERPRETER = "no_interpreter"
    CAP_REACHED = "cap_reached"
    PARTIES_BUSY = "parties_busy"
    TABLES_FULL = "tables_full"
    INTERPRETERS_BUSY = "interpreters_busy"
    MUST_MEET_CONFLICT = "must_meet_conflict"


_MESSAGES: dict[Reason, tuple[str, str]] = {
    Reason.NO_COMMON_SLOT: (
        "Request {request}: the parties are never free in the same slot.",
        "요청 {request}: 참석자들이 함께 참석할 수 있는 시간대가 없습니다.",
    ),
    Reason.NO_TABLE: (
        "Request {request}: no table seats this group in a slot the parties share.",
        "요청 {request}: 참석자들이 함께 가능한 시간대에 이 인원을 수용할 테이블이 없습니다.",
    ),
    Reason.NO_INTERPRETER: (
        "Request {request}: the parties share no language and no interpreter for them is free in a slot "
        "they share.",
        "요청 {request}: 참석자들의 공통 언어가 없고, 함께 가능한 시간대에 통역사가 없습니다.",
    ),
    Reason.CAP_REACHED: (
        "Request {request}: {who} already has as many meetings as they accept.",
        "요청 {request}: {who}님의 미팅 수가 이미 최대 한도에 도달했습니다.",
    ),
    Reason.PARTIES_BUSY: (
        "Request {request}: in every slot the parties share, one of them already has a meeting or needs "
        "the time to change venue.",
        "요청 {request}: 함께 가능한 모든 시간대에 참석자 중 한 명이 이미 다른 미팅이 있거나 장소 이동 "
        "시간이 필요합니다.",
    ),
    Reason.TABLES_FULL: (
        "Request {request}: every table is taken in the slots the parties share.",
        "요청 {request}: 함께 가능한 시간대의 모든 테이블이 이미 배정되었습니다.",
    ),
    Reason.INTERPRETERS_BUSY: (
        "Request {request}: every interpreter for these languages is busy in the slots the parties share.",
        "요청 {request}: 함께 가능한 시간대에 해당 언어의 통역사가 모두 배정되어 있습니다.",
    ),
    Reason.MUST_MEET_CONFLICT: (
        "Request {request}: this must-meet cannot be scheduled together with the other must-meets {others}.",
        "요청 {request}: 이 필수 미팅은 다른 필수 미팅 {others}과(와) 함께 배정될 수 없습니다.",
    ),
}


def message(reason: Reason, *, request: str, who: str = "", others: str = "") -> tuple[str, str]:
    """The English and Korean messages for ``reason`` about ``request``."""
    english, korean = _MESSAGES[reason]
    fields = {"request": request, "who": who, "others": others}
    return english.format(**fields), korean.format(**fields)


def conflict_message(*, requests: str, people: str) -> tuple[str, str]:
    """The English and Korean explanation of must-meets ``requests`` that cannot all happen; ``people``
    are the participants they share (may be empty)."""
    if people:
        return (
            f"The must-meets {requests} cannot all be scheduled: {people} cannot attend all of them in the "
            "slots they share. Make one a would-like or widen someone's availability.",
            f"필수 미팅 {requests}을(를) 모두 배정할 수 없습니다: {people}님이 가능한 시간대에 모든 미팅에 "
            "참석할 수 없습니다. 하나를 희망 미팅으로 바꾸거나 참석 가능 시간을 늘려 주세요.",
        )
    return (
        f"The must-meets {requests} cannot all be scheduled: there are not enough tables or interpreters "
        "in the slots they can use. Make one a would-like or add tables or interpreters.",
        f"필수 미팅 {requests}을(를) 모두 배정할 수 없습니다: 가능한 시간대에 테이블이나 "
        "통역사가 부족합니다. 하나를 희망 미팅으로 바꾸거나 테이블 또는 통역사를 늘려 주세요.",
    )
