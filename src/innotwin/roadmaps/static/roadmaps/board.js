// The pipeline board: drag a card to another column to move the proposal to that stage. The move is
// posted to the same endpoint as the card's form, so the server applies the same validation; a move
// that needs a reason (stalled, dropped) opens the card's form instead. No inline scripts (CSP).
(function () {
  "use strict";
  var REASON_STAGES = ["stalled", "dropped"];

  function status(text, isError) {
    var box = document.getElementById("board-status");
    if (!box) return;
    box.textContent = text;
    box.classList.toggle("is-error", Boolean(isError));
  }

  function targets(card) {
    return (card.getAttribute("data-targets") || "").split(/\s+/).filter(Boolean);
  }

  function openForm(card, stage) {
    var details = card.querySelector("details.move-form");
    if (!details) return;
    details.open = true;
    var select = details.querySelector("select[name=stage]");
    if (select) select.value = stage;
    var reason = details.querySelector("input[name=reason]");
    if (reason) reason.focus();
    status(card.getAttribute("data-reason-prompt") || document.querySelector("[data-board]").getAttribute("data-reason-prompt") || "");
  }

  function move(card, stage) {
    var form = card.querySelector("form");
    var data = new FormData(form);
    data.set("stage", stage);
    data.set("reason", "");
    card.classList.add("is-moving");
    fetch(card.getAttribute("data-move-url"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (result.ok) {
          status(result.body.message, false);
          window.location.reload();
        } else {
          card.classList.remove("is-moving");
          status(result.body.error ? result.body.error.message : "", true);
        }
      })
      .catch(function () {
        card.classList.remove("is-moving");
        status(document.querySelector("[data-board]").getAttribute("data-network-error") || "", true);
      });
  }

  function setUp(board) {
    var dragged = null;
    board.querySelectorAll(".board-card[draggable=true]").forEach(function (card) {
      card.addEventListener("dragstart", function (event) {
        dragged = card;
        card.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", card.id);
      });
      card.addEventListener("dragend", function () {
        card.classList.remove("is-dragging");
        board.querySelectorAll(".drop-ok, .drop-no").forEach(function (el) {
          el.classList.remove("drop-ok", "drop-no");
        });
      });
    });
    board.querySelectorAll(".board-column").forEach(function (column) {
      var stage = column.getAttribute("data-stage");
      column.addEventListener("dragover", function (event) {
        if (!dragged || dragged.closest(".board-column") === column) return;
        // Every other column accepts the drop, so that a refused move can say why; the allowed ones
        // are highlighted.
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        column.classList.add(targets(dragged).indexOf(stage) !== -1 ? "drop-ok" : "drop-no");
      });
      column.addEventListener("dragleave", function () {
        column.classList.remove("drop-ok", "drop-no");
      });
      column.addEventListener("drop", function (event) {
        event.preventDefault();
        column.classList.remove("drop-ok", "drop-no");
        var card = dragged;
        dragged = null;
        if (!card || card.closest(".board-column") === column) return;
        if (targets(card).indexOf(stage) === -1) {
          status(board.getAttribute("data-not-allowed") || "", true);
          return;
        }
        if (REASON_STAGES.indexOf(stage) !== -1) {
          openForm(card, stage);
        } else {
          move(card, stage);
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-board]").forEach(setUp);
  });
})();
