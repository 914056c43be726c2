(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    var text = cell ? (cell.getAttribute("data-sort") || cell.textContent.trim()) : "";
    var number = parseFloat(text.replace(/^[^0-9-]+/, ""));
    return isNaN(number) ? text.toLowerCase() : number;
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (typeof x !== typeof y) { x = String(x); y = String(y); }
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      button.addEventListener("click", function () { sortBy(table, index, th); });
      th.textContent = "";
      th.appendChild(button);
    });
  });
  // Served by the API with writes on, a document page's facts can be rejected and the nodes it
  // names merged into another (POST /corrections to this page's own server, one status line).
  var box = document.getElementById("corrections");
  function fill(text, values) {
    Object.keys(values).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }
  function send(op, target, done) {
    var status = document.getElementById("correction-status");
    var value = function (name) { return box.querySelector("input[name=" + name + "]").value.trim(); };
    if (!value("api_key") || !value("who") || !value("why")) { status.textContent = box.getAttribute("data-need-key"); return; }
    fetch(box.getAttribute("data-url"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": value("api_key") },
      body: JSON.stringify({ op: op, target: target, who: value("who"), why: value("why") })
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (response.ok) {
          status.textContent = fill(box.getAttribute("data-sent"), { id: answer.correction.id, status: answer.status });
          done();
        } else {
          status.textContent = fill(box.getAttribute("data-refused"), { status: response.status, message: (answer.error || {}).message || "" });
        }
      });
    }).catch(function (err) { status.textContent = String(err); });
  }
  document.querySelectorAll("button.reject").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = {};
      Array.prototype.forEach.call(button.attributes, function (attribute) {
        if (attribute.name.indexOf("data-target-") === 0) { target[attribute.name.slice(12)] = attribute.value; }
      });
      send("reject", target, function () {
        button.disabled = true;
        button.parentNode.classList.add("rejected");
      });
    });
  });
  document.querySelectorAll("button.merge").forEach(function (button) {
    button.addEventListener("click", function () {
      var keep = button.parentNode.querySelector("input[name=keep]").value.trim();
      if (!keep || keep === button.getAttribute("data-gone")) {
        document.getElementById("correction-status").textContent = box.getAttribute("data-merge-need");
        return;
      }
      send("merge", { keep: keep, gone: button.getAttribute("data-gone") }, function () {
        button.disabled = true;
        button.parentNode.classList.add("rejected");
      });
    });
  });
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = wanted !== "" && fold(row.textContent).indexOf(wanted) < 0;
      });
    });
  });
})();
