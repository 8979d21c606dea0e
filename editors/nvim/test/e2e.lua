-- Headless end-to-end test of the byline Neovim plugin against the real server.
--   BYLINE_BIN=/path/to/byline BYLINE_FIXTURE=editors/fixtures/workspace \
--   nvim --headless -u NONE -i NONE -n --cmd "set rtp+=editors/nvim" -c "luafile editors/nvim/test/e2e.lua"
-- Prints one "ok"/"not ok" line per check and a closing "nvim X.Y: N passed, M failed"; exits 1 on any failure.

local bin = assert(os.getenv("BYLINE_BIN"), "BYLINE_BIN is not set")
local fixture = vim.fn.fnamemodify(assert(os.getenv("BYLINE_FIXTURE"), "BYLINE_FIXTURE is not set"), ":p"):gsub("/$", "")
local TIMEOUT = tonumber(os.getenv("BYLINE_TEST_TIMEOUT_MS") or "20000")

local v = vim.version()
local label = string.format("nvim %d.%d", v.major, v.minor)
local passed, failed = 0, 0

local function out(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out("ok - " .. label .. ": " .. name)
  else
    failed = failed + 1
    out("not ok - " .. label .. ": " .. name)
    out("    " .. tostring(err):gsub("\n", "\n    "))
  end
end

local function finish()
  out(string.format("%s: %d passed, %d failed", label, passed, failed))
  for _, client in ipairs(require("byline").clients()) do
    client.stop()
  end
  vim.wait(2000, function() return #require("byline").clients() == 0 end, 50)
  if failed > 0 then
    vim.cmd("cquit 1")
  else
    vim.cmd("qall!")
  end
end

local function eq(expected, actual, what)
  if not vim.deep_equal(expected, actual) then
    error(string.format("%s: expected %s, got %s", what, vim.inspect(expected), vim.inspect(actual)), 2)
  end
end

-- Where `needle` first occurs in the buffer (0-based line and byte column; the fixture is ASCII,
-- so the byte column is also the UTF-16 column the server speaks).
local function find(bufnr, needle, after_line)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i = (after_line or 0) + 1, #lines do
    local col = lines[i]:find(needle, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  error("fixture text not found: " .. needle)
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  if responses == nil then
    error(method .. " got no response: " .. tostring(err))
  end
  for _, response in pairs(responses) do
    if response.error then
      error(method .. " failed: " .. vim.inspect(response.error))
    end
    return response.result
  end
  error(method .. ": no client answered")
end

local function position_params(bufnr, line, col)
  return { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }
end

local function hover_text(result)
  if result == nil then return "" end
  local contents = result.contents
  local parts = {}
  local function add(c)
    if type(c) == "string" then table.insert(parts, c)
    elseif c.value then table.insert(parts, c.value)
    else for _, x in ipairs(c) do add(x) end end
  end
  add(contents)
  return table.concat(parts, "\n")
end

local function as_list(result)
  if result == nil then return {} end
  if result.uri or result.targetUri then return { result } end
  return result
end

local function loc(l)
  local uri = l.uri or l.targetUri
  local range = l.range or l.targetSelectionRange
  return string.format("%s:%d:%d", vim.fn.fnamemodify(vim.uri_to_fname(uri), ":t"), range.start.line, range.start.character)
end

local function diagnostics_with(bufnr, code)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local c = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if c == code then table.insert(found, d) end
  end
  return found
end

local function describe(bufnr)
  local t = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(t, string.format("%d:%d %s %s", d.lnum, d.col, tostring(d.code), d.message))
  end
  return table.concat(t, "; ")
end

-- Setup ----------------------------------------------------------------------------------------
vim.cmd("filetype on")
local byline = require("byline")

-- A copy of the fixture workspace in a new temporary folder (the tests that write — a ledger, edits
-- applied to files — work there, never in the repository); its path.
local function fixture_copy()
  local tmp = vim.fn.resolve(vim.fn.tempname())
  vim.fn.mkdir(tmp, "p")
  vim.fn.system({ "cp", "-R", fixture .. "/.", tmp })
  return tmp
end

-- The byline client rooted at `root` that is attached to buffer `b`, if there is one.
local function client_of(root, b)
  for _, c in ipairs(byline.clients()) do
    if c.config.root_dir == root and vim.lsp.buf_is_attached(b, c.id) then return c end
  end
end
byline.setup({ cmd = { bin, "lsp" }, filetypes = { "text", "markdown" } })

local article = fixture .. "/harbour-closure.md"
local other = fixture .. "/ferry-fares.txt"
vim.cmd("edit " .. vim.fn.fnameescape(article))
local buf = vim.api.nvim_get_current_buf()

local client
check("the server starts and attaches to a Markdown article, rooted at byline.toml", function()
  eq("markdown", vim.bo[buf].filetype, "filetype")
  local ok = vim.wait(TIMEOUT, function()
    client = byline.clients()[1]
    return client ~= nil and client.initialized ~= false and vim.lsp.buf_is_attached(buf, client.id)
  end, 50)
  assert(ok, "no byline client attached within " .. TIMEOUT .. " ms")
  eq(fixture, client.config.root_dir, "root_dir")
end)
if client == nil then
  finish()
  return
end

check("buffer-local keymaps for hover, definition, references, workspace symbols and rename", function()
  -- <leader> is the default backslash under -u NONE.
  for _, lhs in ipairs({ "K", "gd", "gr", "\\bs", "\\br" }) do
    local m = vim.fn.maparg(lhs, "n", false, true)
    assert(m and m.buffer == 1, "no buffer-local mapping for " .. lhs .. ": " .. vim.inspect(m))
  end
end)

local figure_line = find(buf, "Repairs will cost")
local feared_line = find(buf, "It is feared")

local got_diagnostics = vim.wait(TIMEOUT, function()
  return #diagnostics_with(buf, "unattributed-claim") > 0 and #diagnostics_with(buf, "vague-attribution") > 0
end, 50)

check("unattributed-claim on the unsourced figure, source byline, with a message", function()
  assert(got_diagnostics, "diagnostics did not arrive within " .. TIMEOUT .. " ms: " .. describe(buf))
  local hit
  for _, d in ipairs(diagnostics_with(buf, "unattributed-claim")) do
    if d.lnum == figure_line then hit = d end
  end
  assert(hit, "no unattributed-claim on line " .. figure_line .. "; got: " .. describe(buf))
  eq("byline", hit.source, "source")
  eq(vim.diagnostic.severity.WARN, hit.severity, "severity")
  assert(#hit.message > 10, "message too short: " .. hit.message)
end)

check("vague-attribution on \"It is feared\"", function()
  local hit
  for _, d in ipairs(diagnostics_with(buf, "vague-attribution")) do
    if d.lnum == feared_line then hit = d end
  end
  assert(hit, "no vague-attribution on line " .. feared_line .. "; got: " .. describe(buf))
end)

local intro_line, intro_col = find(buf, "Helena Okafor")
local quote_line = find(buf, "Ms Okafor")
local _, ms_col = find(buf, "Ms Okafor")
local okafor_col = ms_col + 3 -- "Okafor" in "Ms Okafor"

check("attributed sentences (\"... said\", a quote with its speaker) carry no diagnostic", function()
  assert(got_diagnostics, "no diagnostics arrived, so nothing to compare: " .. describe(buf))
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    assert(d.lnum ~= intro_line and d.lnum ~= quote_line,
      "unexpected diagnostic on an attributed line: " .. describe(buf))
  end
end)

check("hover on \"Okafor\" shows the full name and the role", function()
  local text = hover_text(request(buf, "textDocument/hover", position_params(buf, quote_line, okafor_col + 2)))
  assert(text:find("Helena Okafor", 1, true), "hover lacks the full name: " .. text)
  assert(text:lower():find("port director", 1, true), "hover lacks the role \"port director\": " .. text)
end)

check("definition of \"Okafor\" is the first full-name mention", function()
  local defs = as_list(request(buf, "textDocument/definition", position_params(buf, quote_line, okafor_col)))
  eq(1, #defs, "number of definitions (" .. vim.inspect(defs) .. ")")
  eq(string.format("harbour-closure.md:%d:%d", intro_line, intro_col), loc(defs[1]), "definition")
end)

-- Expected mentions of Helena Okafor: two in each file.
vim.cmd("badd " .. vim.fn.fnameescape(other))
local other_lines = vim.fn.readfile(other)
local expected_refs = {
  string.format("harbour-closure.md:%d:%d", intro_line, intro_col),
  string.format("harbour-closure.md:%d:%d", quote_line, okafor_col),
}
for i, l in ipairs(other_lines) do
  local s = l:find("Helena Okafor", 1, true) or l:find("Okafor", 1, true)
  if s then table.insert(expected_refs, string.format("ferry-fares.txt:%d:%d", i - 1, s - 1)) end
end
table.sort(expected_refs)

check("references list every mention in both files (the other one not open)", function()
  local params = position_params(buf, quote_line, okafor_col)
  params.context = { includeDeclaration = true }
  local got = {}
  for _, l in ipairs(as_list(request(buf, "textDocument/references", params))) do table.insert(got, loc(l)) end
  table.sort(got)
  eq(expected_refs, got, "references")
end)

check("code lens on Helena Okafor's first mention: her counts; running it fills the quickfix list", function()
  vim.lsp.codelens.refresh()
  local lens
  local ok = vim.wait(TIMEOUT, function()
    for _, l in ipairs(vim.lsp.codelens.get(buf) or {}) do
      if l.range.start.line == intro_line and l.command and (l.command.title or "") ~= "" then lens = l end
    end
    return lens ~= nil and lens.command.title:find("2 files", 1, true) ~= nil
  end, 50)
  assert(ok, "no resolved lens on line " .. intro_line .. ": " .. vim.inspect(vim.lsp.codelens.get(buf)))
  eq(string.format("%d mentions · 2 files", #expected_refs), lens.command.title, "lens title")
  eq("byline.showReferences", lens.command.command, "lens command")
  vim.lsp.commands[lens.command.command](lens.command, { client_id = client.id, bufnr = buf })
  local got = {}
  for _, item in ipairs(vim.fn.getqflist()) do
    local name = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(item.bufnr), ":t")
    table.insert(got, string.format("%s:%d:%d", name, item.lnum - 1, item.col - 1))
  end
  table.sort(got)
  eq(expected_refs, got, "quickfix list")
  vim.cmd("cclose")
  vim.api.nvim_set_current_buf(buf)
end)

check("inlay hints name who is speaking after the quotation", function()
  local last = vim.api.nvim_buf_line_count(buf)
  local hints = request(buf, "textDocument/inlayHint", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 0 }, ["end"] = { line = last, character = 0 } },
  }) or {}
  local labels = {}
  for _, h in ipairs(hints) do
    if h.position.line == quote_line then table.insert(labels, h.label) end
  end
  assert(vim.tbl_contains(labels, "— Okafor"), "no \"— Okafor\" on line " .. quote_line .. ": " .. vim.inspect(hints))
  if vim.lsp.inlay_hint then
    -- Neovim 0.10+: the built-in inlay hints receive them too.
    vim.lsp.inlay_hint.enable(true, { bufnr = buf })
    local seen = vim.wait(TIMEOUT, function()
      return #vim.lsp.inlay_hint.get({ bufnr = buf }) > 0
    end, 50)
    assert(seen, "vim.lsp.inlay_hint.get() stayed empty")
  end
end)

check("workspace/symbol \"okafor\" finds Helena Okafor as an Object", function()
  local symbols = request(buf, "workspace/symbol", { query = "okafor" }) or {}
  local hit
  for _, s in ipairs(symbols) do
    if s.name == "Helena Okafor" then hit = s end
  end
  assert(hit, "Helena Okafor not among " .. vim.inspect(symbols))
  eq(19, hit.kind, "symbol kind")
end)

check("a second article in the workspace attaches to the same server", function()
  vim.cmd("edit " .. vim.fn.fnameescape(other))
  local b2 = vim.api.nvim_get_current_buf()
  eq("text", vim.bo[b2].filetype, "filetype")
  assert(vim.wait(TIMEOUT, function() return vim.lsp.buf_is_attached(b2, client.id) end, 50), "not attached")
  eq(1, #byline.clients(), "number of byline clients")
  vim.cmd("buffer " .. buf)
end)

check("settings: turning vague-attribution off removes it, unattributed-claim as error", function()
  byline.set_settings({ diagnostics = { ["vague-attribution"] = "off", ["unattributed-claim"] = "error" } })
  local ok = vim.wait(TIMEOUT, function()
    local claims = diagnostics_with(buf, "unattributed-claim")
    return #diagnostics_with(buf, "vague-attribution") == 0 and #claims > 0
      and claims[1].severity == vim.diagnostic.severity.ERROR
  end, 50)
  assert(ok, "diagnostics after the settings change: " .. describe(buf))
  byline.set_settings({})
  ok = vim.wait(TIMEOUT, function() return #diagnostics_with(buf, "vague-attribution") > 0 end, 50)
  assert(ok, "vague-attribution did not come back with default settings: " .. describe(buf))
end)

check("root detection: nearest byline.toml or .git, else the file's folder", function()
  local tmp = vim.fn.resolve(vim.fn.tempname())
  vim.fn.mkdir(tmp .. "/paper/.git", "p")
  vim.fn.mkdir(tmp .. "/paper/desk/drafts", "p")
  vim.fn.writefile({}, tmp .. "/paper/desk/byline.toml")
  vim.fn.mkdir(tmp .. "/loose", "p")
  eq(tmp .. "/paper/desk", byline.find_root(tmp .. "/paper/desk/drafts/a.md"), "under byline.toml")
  eq(tmp .. "/paper", byline.find_root(tmp .. "/paper/b.txt"), "under .git only")
  eq(tmp .. "/loose", byline.find_root(tmp .. "/loose/c.txt"), "no marker")
  vim.fn.delete(tmp, "rf")
end)

check("mark a finding checked: the ledger holds it, it is a hint, still after a restart and an edit above; rewritten: stale", function()
  -- A copy of the fixture, so that the ledger is written outside the repository.
  local tmp = fixture_copy()
  local path = tmp .. "/harbour-closure.md"
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local b = vim.api.nvim_get_current_buf()
  local function mine() return client_of(tmp, b) end
  local c
  assert(vim.wait(TIMEOUT, function()
    c = mine()
    return c ~= nil and #diagnostics_with(b, "unattributed-claim") > 0
  end, 50), "no diagnostics in the copy: " .. describe(b))
  local d = diagnostics_with(b, "unattributed-claim")[1]
  local line = d.lnum
  local range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } }
  local actions = request(b, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(b) }, range = range, context = { diagnostics = {} } })
  local mark
  for _, a in ipairs(actions or {}) do
    if a.title:find("Mark as checked", 1, true) == 1 then mark = a end
  end
  assert(mark and mark.command, "no Mark as checked action in " .. vim.inspect(actions))
  -- What the user types into the prompts.
  local answers = { "port authority, 3 May", "https://example.org/port" }
  local real_input = vim.ui.input
  vim.ui.input = function(_, on_confirm) on_confirm(table.remove(answers, 1)) end
  local ok, err = pcall(vim.lsp.commands[mark.command.command], mark.command, { client_id = c.id, bufnr = b })
  vim.ui.input = real_input
  assert(ok, tostring(err))
  local ledger = tmp .. "/byline.ledger.toml"
  assert(vim.wait(TIMEOUT, function() return vim.loop.fs_stat(ledger) ~= nil end, 50), "no ledger written")
  local text = table.concat(vim.fn.readfile(ledger), "\n")
  assert(text:find("port authority, 3 May", 1, true) and text:find("https://example.org/port", 1, true), text)
  local function hint_on_line()
    for _, x in ipairs(diagnostics_with(b, "unattributed-claim")) do
      if x.lnum == line and x.severity == vim.diagnostic.severity.HINT and x.message:find("Checked by", 1, true) then return true end
    end
    return false
  end
  assert(vim.wait(TIMEOUT, hint_on_line, 50), "not a hint after marking: " .. describe(b))
  -- Restart the server (the article closed and opened again): still checked.
  c.stop()
  vim.cmd("bwipeout!")
  assert(vim.wait(TIMEOUT, function() return vim.lsp.client_is_stopped(c.id) end, 50), "the server did not stop")
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  b = vim.api.nvim_get_current_buf()
  assert(vim.wait(TIMEOUT, function() return mine() ~= nil and hint_on_line() end, 50),
    "not a hint after a restart: " .. describe(b))
  -- :Byline ledger lists nothing to attend to; :Byline check lists the findings, this one checked.
  local items = byline.run_cli("check")
  local checked = 0
  for _, it in ipairs(items or {}) do
    if it.text:find("(checked)", 1, true) then checked = checked + 1 end
  end
  eq(1, checked, ":Byline check items marked checked")
  eq(0, #(byline.run_cli("ledger") or {}), ":Byline ledger items")
  -- Edit a line above it: still checked (the check is anchored by the sentence, not the line).
  vim.api.nvim_buf_set_lines(b, 0, 0, false, { "Updated at noon with the council's reply.", "" })
  line = line + 2
  assert(vim.wait(TIMEOUT, hint_on_line, 50), "not a hint after two lines were added above: " .. describe(b))
  -- Rewrite the sentence in substance (its figure changed): stale, a warning saying so.
  local before = vim.api.nvim_buf_get_lines(b, line, line + 1, false)[1]
  local rewritten = before:gsub("40 million", "55 million")
  assert(rewritten ~= before, "the checked sentence has no figure to change: " .. before)
  vim.api.nvim_buf_set_lines(b, line, line + 1, false, { rewritten })
  assert(vim.wait(TIMEOUT, function()
    for _, x in ipairs(diagnostics_with(b, "unattributed-claim")) do
      if x.lnum == line and x.severity == vim.diagnostic.severity.WARN
        and x.message:find("text changed since it was checked", 1, true) then return true end
    end
    return false
  end, 50), "not stale after the sentence was rewritten: " .. describe(b))
  mine().stop()
  vim.cmd("bwipeout!")
  vim.fn.delete(tmp, "rf")
end)

check("across articles: a spelling quick fix, then a rename of the person in both files", function()
  -- A copy of the fixture: the edits are applied to buffers of files that are not ours.
  local tmp = fixture_copy()
  vim.cmd("edit " .. vim.fn.fnameescape(tmp .. "/depot-costs.txt"))
  local b = vim.api.nvim_get_current_buf()
  local function mine() return client_of(tmp, b) end
  local c
  -- "Kovaliov" here, "Kovalyov" (more often) in tram-depot.md, which is not open.
  assert(vim.wait(TIMEOUT, function()
    c = mine()
    return c ~= nil and #diagnostics_with(b, "name-spelling") == 2
  end, 50), "no name-spelling diagnostics on Kovaliov: " .. describe(b))
  local d = diagnostics_with(b, "name-spelling")[1]
  local range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } }
  local actions = request(b, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(b) }, range = range, context = { diagnostics = {} } })
  local fix
  for _, a in ipairs(actions or {}) do
    if a.title == "Change to 'Kovalyov' (used 3 times)" then fix = a end
  end
  assert(fix and fix.edit, "no spelling quick fix in " .. vim.inspect(actions))
  vim.lsp.util.apply_workspace_edit(fix.edit, c.offset_encoding)
  local function text_of(bufnr) return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") end
  local fixed = text_of(b)
  assert(not fixed:find("Kovaliov", 1, true) and select(2, fixed:gsub("Kovalyov", "")) == 2, "after the quick fix: " .. fixed)
  assert(vim.wait(TIMEOUT, function() return #diagnostics_with(b, "name-spelling") == 0 end, 50),
    "name-spelling stayed after the fix: " .. describe(b))
  -- Rename her from this file: the mentions in tram-depot.md (never opened) change too.
  local line, col = find(b, "Kovalyov said")
  vim.api.nvim_win_set_cursor(0, { line + 1, col + 1 })
  vim.lsp.buf.rename("Kovalenko")
  local other_buf = vim.fn.bufadd(tmp .. "/tram-depot.md")
  assert(vim.wait(TIMEOUT, function()
    return vim.api.nvim_buf_is_loaded(other_buf) and select(2, text_of(other_buf):gsub("Kovalenko", "")) == 3
  end, 50), "tram-depot.md after the rename: " .. (vim.api.nvim_buf_is_loaded(other_buf) and text_of(other_buf) or "(not loaded)"))
  local here = text_of(b)
  assert(select(2, here:gsub("Kovalenko", "")) == 2 and not here:find("Kovalyov", 1, true), "depot-costs.txt after the rename: " .. here)
  assert(text_of(other_buf):find("Oleksiy Kovalenko", 1, true), "the full name keeps its given name: " .. text_of(other_buf))
  mine().stop()
  vim.bo[b].modified = false
  vim.bo[other_buf].modified = false
  vim.cmd("buffer " .. buf)
  vim.cmd("bwipeout! " .. other_buf .. " " .. b)
  vim.fn.delete(tmp, "rf")
end)

check("add attribution (… said): the source goes in before the full stop (a snippet on 0.10+, selected to type over)", function()
  local tmp = fixture_copy()
  vim.cmd("edit " .. vim.fn.fnameescape(tmp .. "/harbour-closure.md"))
  local b = vim.api.nvim_get_current_buf()
  local c
  assert(vim.wait(TIMEOUT, function()
    c = client_of(tmp, b)
    return c ~= nil and #diagnostics_with(b, "unattributed-claim") > 0
  end, 50), "no unattributed-claim in the copy: " .. describe(b))
  local d = diagnostics_with(b, "unattributed-claim")[1]
  local before = vim.api.nvim_buf_get_lines(b, d.lnum, d.lnum + 1, false)[1]
  local range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } }
  local actions = request(b, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(b) }, range = range, context = { diagnostics = {} } })
  local said
  for _, a in ipairs(actions or {}) do
    if a.title == "Add attribution (… said)" then said = a end
  end
  assert(said, "no \"Add attribution (… said)\" in " .. vim.inspect(actions))
  local stop = before:find("%.%s*$")
  assert(stop, "the sentence does not end in a full stop: " .. before)
  local expected
  if vim.snippet then
    -- As vim.lsp.buf.code_action() runs it: the client-side command, the placeholder selected.
    assert(said.edit == nil and said.command and said.command.command == "byline.insertSnippet", vim.inspect(said))
    vim.lsp.buf.code_action({
      apply = true,
      range = { start = { d.lnum + 1, d.col }, ["end"] = { d.end_lnum + 1, d.end_col } },
      filter = function(a) return a.title == "Add attribution (… said)" end,
    })
    assert(vim.wait(TIMEOUT, function()
      return vim.api.nvim_buf_get_lines(b, d.lnum, d.lnum + 1, false)[1] ~= before
    end, 20), "the snippet was not inserted")
    vim.api.nvim_feedkeys("the harbour board", "x", false)
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("<Esc>", true, false, true), "x", false)
    if vim.snippet.active() then vim.snippet.stop() end
    expected = before:sub(1, stop - 1) .. ", the harbour board said" .. before:sub(stop)
  else
    -- Before 0.10: the plain-text edit, the source as a placeholder to replace.
    assert(said.edit, vim.inspect(said))
    vim.lsp.util.apply_workspace_edit(said.edit, c.offset_encoding)
    expected = before:sub(1, stop - 1) .. ", [source] said" .. before:sub(stop)
  end
  eq(expected, vim.api.nvim_buf_get_lines(b, d.lnum, d.lnum + 1, false)[1], "the sentence after the action")
  c.stop()
  vim.bo[b].modified = false
  vim.cmd("buffer " .. buf)
  vim.cmd("bwipeout! " .. b)
  vim.fn.delete(tmp, "rf")
end)

check(":checkhealth byline finds the server and reports it running", function()
  vim.cmd("checkhealth byline")
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  vim.cmd("bwipeout!")
  assert(text:find(bin, 1, true), "no server path in:\n" .. text)
  assert(text:find("is executable", 1, true), "server not reported executable:\n" .. text)
  assert(text:find("running for " .. fixture, 1, true), "running server not reported:\n" .. text)
  assert(not text:find("ERROR", 1, true), "errors reported:\n" .. text)
end)

finish()
