-- byline for Neovim: starts `byline lsp` for plain-text and Markdown articles.
--
--   require("byline").setup({ cmd = { "byline", "lsp" }, filetypes = { "text", "markdown" } })
--
-- Code actions (vim.lsp.buf.code_action()) on a finding: Mark as checked… and Dismiss… ask for a
-- note and a source URL (or a reason) with vim.ui.input, then record the check in the ledger.
-- Add attribution… (", according to …") and Add attribution (… said) insert a snippet with the
-- source selected on Neovim 0.10+ (vim.snippet), plain text with a [source] placeholder before.
-- :Byline check   runs `byline check` on the workspace into the quickfix list
-- :Byline ledger  lists stale and orphan checks (`byline ledger`) in the quickfix list
-- Code lens (vim.lsp.codelens.refresh() / run()): "12 mentions · 4 files" on each person's first
-- mention; running it lists the mentions in the quickfix list. Inlay hints (0.10+:
-- vim.lsp.inlay_hint.enable()) show who is speaking; names are semantic tokens (0.9+).
--
-- Works on Neovim 0.7 (vim.lsp.start_client + vim.lsp.buf_attach_client, one client per root)
-- and on 0.8+ (vim.lsp.start, which reuses a client with the same name and root).

local M = {}

M.defaults = {
  name = "byline",
  cmd = { "byline", "lsp" },
  filetypes = { "text", "markdown" },
  -- The nearest directory (walking up from the file) that holds one of these is the workspace root.
  root_markers = { "byline.toml", ".git" },
  -- Server settings, sent as initializationOptions and as workspace/didChangeConfiguration:
  --   { diagnostics = { ["unattributed-claim"] = "warning" | "error" | "information" | "hint" | "off", ... },
  --     files = { include = { "**/*.md" }, exclude = { "drafts/**" }, maxFileSize = 8388608 },
  --     inlayHints = { enable = true } }
  settings = {},
  -- Buffer-local keymaps set when the server attaches; `false` sets none, a key set to false skips it.
  keymaps = {
    hover = "K",
    definition = "gd",
    references = "gr",
    workspace_symbols = "<leader>bs",
    document_symbols = "<leader>bd",
    rename = "<leader>br",
  },
  on_attach = nil,
  capabilities = nil,
  -- Ask for a note, URL or reason when marking a finding checked or dismissing it; `false` records
  -- the check with none (it can be edited in byline.ledger.toml later).
  ask = true,
}

M.config = nil
-- Neovim 0.7 only: client id per root directory (0.8+ lets vim.lsp.start do this).
local clients_by_root = {}

local function is_dir(path)
  local stat = vim.loop.fs_stat(path)
  return stat ~= nil and stat.type == "directory"
end

local function exists(path)
  return vim.loop.fs_stat(path) ~= nil
end

local function dirname(path)
  return vim.fn.fnamemodify(path, ":h")
end

--- The workspace root for a file: the nearest ancestor directory holding a root marker,
--- else the file's own directory (or the current directory for an unnamed buffer).
function M.find_root(path, markers)
  markers = markers or (M.config or M.defaults).root_markers
  if path == nil or path == "" then
    return vim.loop.cwd()
  end
  path = vim.fn.fnamemodify(path, ":p")
  local dir = is_dir(path) and path or dirname(path)
  dir = dir:gsub("/+$", "")
  if dir == "" then dir = "/" end
  local start = dir
  while true do
    for _, marker in ipairs(markers) do
      if exists(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = dirname(dir)
    if parent == dir then
      break
    end
    dir = parent
  end
  return start
end

local function map_keys(bufnr, keymaps)
  if not keymaps then
    return
  end
  local actions = {
    hover = { vim.lsp.buf.hover, "byline: who is this? (hover)" },
    definition = { vim.lsp.buf.definition, "byline: go to where this person is introduced" },
    references = { vim.lsp.buf.references, "byline: every mention of this person" },
    workspace_symbols = { function() vim.lsp.buf.workspace_symbol("") end, "byline: everyone in the workspace" },
    document_symbols = { vim.lsp.buf.document_symbol, "byline: people in this article" },
    rename = { vim.lsp.buf.rename, "byline: rename this person in every file" },
  }
  for action, lhs in pairs(keymaps) do
    local entry = actions[action]
    if lhs and entry then
      -- nowait: fire at once even where Neovim 0.11 has longer global maps starting the same way (grr, grn).
      vim.keymap.set("n", lhs, entry[1], { buffer = bufnr, nowait = true, silent = true, desc = entry[2] })
    end
  end
end

--- The settings as sent to the server: always with `diagnostics` and `files` objects, so that
--- `{}` means "all defaults" (an empty Lua table would otherwise go out as a JSON array).
function M.server_settings(settings)
  local s = vim.deepcopy(settings or {})
  for _, key in ipairs({ "diagnostics", "files" }) do
    if type(s[key]) ~= "table" or next(s[key]) == nil then
      s[key] = vim.empty_dict()
    end
  end
  return s
end

--- The client capabilities sent to the server: the user's (else Neovim's defaults) and, where
--- vim.snippet exists (0.10+), `experimental.snippetCommand`: the server then offers its
--- attribution snippets as the client-side command byline.insertSnippet (M.insert_snippet).
function M.client_capabilities(user)
  local caps = user
  if caps == nil and vim.lsp.protocol and vim.lsp.protocol.make_client_capabilities then
    caps = vim.lsp.protocol.make_client_capabilities()
  end
  if vim.snippet == nil or caps == nil then
    return caps
  end
  caps = vim.deepcopy(caps)
  caps.experimental = vim.tbl_extend("force", type(caps.experimental) == "table" and caps.experimental or {}, { snippetCommand = true })
  return caps
end

--- The byte column of an LSP position in line `line` of `bufnr`.
local function byte_col(bufnr, position, encoding)
  local text = vim.api.nvim_buf_get_lines(bufnr, position.line, position.line + 1, false)[1] or ""
  if encoding == "utf-8" then
    return math.min(position.character, #text)
  end
  local ok, col = pcall(vim.str_byteindex, text, encoding, position.character, false) -- 0.11
  if not ok or type(col) ~= "number" then
    ok, col = pcall(vim.str_byteindex, text, position.character, encoding == "utf-16") -- 0.10
  end
  return (ok and type(col) == "number") and col or #text
end

--- `byline.insertSnippet` (client-side): insert `snippet` at `position` of `uri` — with
--- vim.snippet, the placeholder selected to type the source over; without it, as plain text with
--- the placeholder in brackets.
function M.insert_snippet(command, ctx)
  local args = (command.arguments or {})[1] or {}
  if type(args.uri) ~= "string" or type(args.position) ~= "table" or type(args.snippet) ~= "string" then
    return
  end
  local client = ctx and ctx.client_id and vim.lsp.get_client_by_id(ctx.client_id)
  local bufnr = vim.uri_to_bufnr(args.uri)
  vim.fn.bufload(bufnr)
  if vim.api.nvim_win_get_buf(0) ~= bufnr then
    vim.api.nvim_win_set_buf(0, bufnr)
  end
  local col = byte_col(bufnr, args.position, client and client.offset_encoding or "utf-16")
  vim.api.nvim_win_set_cursor(0, { args.position.line + 1, col })
  if vim.snippet then
    vim.snippet.expand(args.snippet)
  else
    local plain = args.snippet:gsub("%${%d+:([^}]*)}", "[%1]")
    vim.api.nvim_buf_set_text(bufnr, args.position.line, col, args.position.line, col, { plain })
  end
end

--- The client configuration that setup() starts for a root directory.
function M.client_config(root)
  local cfg = M.config or M.defaults
  local user_on_attach = cfg.on_attach
  return {
    name = cfg.name,
    cmd = cfg.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ":t") } },
    init_options = M.server_settings(cfg.settings),
    settings = { byline = M.server_settings(cfg.settings) },
    capabilities = M.client_capabilities(cfg.capabilities),
    on_attach = function(client, bufnr)
      map_keys(bufnr, cfg.keymaps)
      if user_on_attach then
        user_on_attach(client, bufnr)
      end
    end,
  }
end

--- Ask for the fields of a command, one vim.ui.input after another, then call `done(args)`.
local function ask_all(fields, args, done)
  local i = 0
  local function next_field()
    i = i + 1
    local f = fields[i]
    if f == nil then
      return done(args)
    end
    vim.ui.input({ prompt = f.prompt }, function(answer)
      if answer == nil then
        return -- cancelled: nothing is recorded
      end
      if answer ~= "" then
        args[f.key] = answer
      end
      next_field()
    end)
  end
  next_field()
end

local asked = {
  ["byline.markChecked"] = {
    { key = "note", prompt = "byline: note (how it was checked): " },
    { key = "url", prompt = "byline: source URL (optional): " },
  },
  ["byline.dismiss"] = { { key = "reason", prompt = "byline: why dismiss (not a claim / source is fine): " } },
}

--- Client-side handlers of the server's commands: ask for a note/URL/reason, then run the command
--- on the server (workspace/executeCommand), which records it in the ledger.
function M.register_commands()
  for name, fields in pairs(asked) do
    vim.lsp.commands[name] = function(command, ctx)
      local client = vim.lsp.get_client_by_id(ctx.client_id)
      if client == nil then
        return
      end
      local args = vim.deepcopy((command.arguments or {})[1] or {})
      local run = function(a)
        client.request("workspace/executeCommand", { command = command.command, arguments = { a } }, function(err, result)
          if err then
            vim.notify(err.message or vim.inspect(err), vim.log.levels.ERROR)
          elseif result then
            vim.notify(result, vim.log.levels.INFO)
          end
        end, ctx.bufnr)
      end
      if (M.config or M.defaults).ask == false then
        return run(args)
      end
      ask_all(fields, args, run)
    end
  end
end

--- `byline.showReferences`, the command of the people code lens ("12 mentions · 4 files"):
--- its arguments are { uri, position, locations }; the locations go to the quickfix list.
function M.show_references(command, ctx)
  local args = command.arguments or {}
  local locations = args[3] or {}
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  local encoding = client and client.offset_encoding or "utf-16"
  local items = vim.lsp.util.locations_to_items(locations, encoding)
  vim.fn.setqflist({}, " ", { title = command.title or "byline: mentions", items = items })
  vim.cmd("copen")
end

--- The byline binary of the configuration.
local function binary()
  return ((M.config or M.defaults).cmd)[1]
end

--- `:Byline check` / `:Byline ledger`: run the CLI on the current buffer's workspace and put what it
--- reports in the quickfix list.
function M.run_cli(what)
  local root = M.find_root(vim.api.nvim_buf_get_name(0))
  local cmd
  if what == "check" then
    cmd = { binary(), "check", "--format", "json", root }
  elseif what == "ledger" then
    cmd = { binary(), "ledger", "--format", "json", root }
  else
    vim.notify("byline: :Byline check | ledger", vim.log.levels.ERROR)
    return
  end
  local output = vim.fn.system(cmd)
  local ok, decoded = pcall(vim.fn.json_decode, output)
  if not ok or type(decoded) ~= "table" then
    vim.notify("byline " .. what .. ": " .. output, vim.log.levels.ERROR)
    return
  end
  local items = {}
  if what == "check" then
    for _, f in ipairs(decoded.findings or {}) do
      local file = f.path:sub(1, 1) == "/" and f.path or (root .. "/" .. f.path)
      table.insert(items, { filename = file, lnum = f.line, col = f.column,
        type = (f.severity == "error") and "E" or "W", text = string.format("[%s] %s (%s)", f.code, f.message, f.status or "open") })
    end
  else
    local ledger = decoded.ledger or (root .. "/byline.ledger.toml")
    for _, kind in ipairs({ "stale", "orphans" }) do
      for _, e in ipairs(decoded[kind] or {}) do
        local label = kind == "stale" and "stale" or "orphan"
        local item = { type = "W", text = string.format("%s[%s] %s: %s", label, e.code, e.path, e.message) }
        if e.line then
          item.filename, item.lnum, item.col = root .. "/" .. e.path, e.line, e.column or 1
        else
          item.filename, item.lnum, item.col = ledger, e.ledger_line or 1, 1
        end
        table.insert(items, item)
      end
    end
  end
  vim.fn.setqflist({}, " ", { title = "byline " .. what, items = items })
  vim.notify(string.format("byline %s: %d item(s) in the quickfix list", what, #items), vim.log.levels.INFO)
  return items
end

--- Start (or reuse) the server for a buffer's workspace and attach the buffer. Returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local root = M.find_root(vim.api.nvim_buf_get_name(bufnr))
  local config = M.client_config(root)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  -- Neovim 0.7: keep one client per root ourselves.
  local id = clients_by_root[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client(config)
    if id == nil then
      vim.notify("byline: could not start " .. table.concat(config.cmd, " "), vim.log.levels.ERROR)
      return nil
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- The running byline clients.
function M.clients()
  local name = (M.config or M.defaults).name
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  local found = {}
  for _, client in ipairs(all) do
    if client.name == name then
      table.insert(found, client)
    end
  end
  return found
end

--- Send new settings to every running byline server (e.g. to turn a diagnostic code off).
function M.set_settings(settings)
  M.config = M.config or vim.deepcopy(M.defaults)
  M.config.settings = settings
  local sent = { byline = M.server_settings(settings) }
  for _, client in ipairs(M.clients()) do
    client.config.settings = sent
    client.notify("workspace/didChangeConfiguration", { settings = sent })
  end
end

function M.setup(opts)
  opts = opts or {}
  local keymaps = opts.keymaps
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts)
  if keymaps == false then
    M.config.keymaps = false
  end
  if type(M.config.cmd) == "string" then
    M.config.cmd = { M.config.cmd, "lsp" }
  end
  if vim.fn.executable(M.config.cmd[1]) ~= 1 then
    vim.notify("byline: '" .. M.config.cmd[1] .. "' is not executable; set cmd in require('byline').setup()",
      vim.log.levels.WARN)
  end

  M.register_commands()
  vim.lsp.commands["byline.showReferences"] = M.show_references
  vim.lsp.commands["byline.insertSnippet"] = M.insert_snippet
  -- Semantic tokens (Neovim 0.9+): people's names are `variable` tokens with the modifier
  -- `person`; give them their own highlight unless the colour scheme or the user did (pcall:
  -- Neovim before 0.8 takes no such group name).
  pcall(vim.api.nvim_set_hl, 0, "@lsp.typemod.variable.person", { link = "Identifier", default = true })
  vim.api.nvim_create_user_command("Byline", function(o)
    M.run_cli(o.args)
  end, { nargs = 1, complete = function() return { "check", "ledger" } end, desc = "byline check | ledger" })

  local group = vim.api.nvim_create_augroup("byline", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
    desc = "Start byline for articles",
  })
  -- Buffers that were already open when setup() ran.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr)
    end
  end
end

return M
