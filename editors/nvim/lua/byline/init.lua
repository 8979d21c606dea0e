-- byline for Neovim: starts `byline lsp` for plain-text and Markdown articles.
--
--   require("byline").setup({ cmd = { "byline", "lsp" }, filetypes = { "text", "markdown" } })
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
  --     files = { include = { "**/*.md" }, exclude = { "drafts/**" }, maxFileSize = 8388608 } }
  settings = {},
  -- Buffer-local keymaps set when the server attaches; `false` sets none, a key set to false skips it.
  keymaps = {
    hover = "K",
    definition = "gd",
    references = "gr",
    workspace_symbols = "<leader>bs",
    document_symbols = "<leader>bd",
  },
  on_attach = nil,
  capabilities = nil,
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
    capabilities = cfg.capabilities,
    on_attach = function(client, bufnr)
      map_keys(bufnr, cfg.keymaps)
      if user_on_attach then
        user_on_attach(client, bufnr)
      end
    end,
  }
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
