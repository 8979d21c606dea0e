-- :checkhealth byline — is the server there, which version, and what is running.
local M = {}

local health = vim.health or require("health")
local start = health.start or health.report_start
local ok = health.ok or health.report_ok
local warn = health.warn or health.report_warn
local report_error = health.error or health.report_error
local info = health.info or health.report_info

function M.check()
  start("byline")
  local byline = require("byline")
  local cfg = byline.config
  if cfg == nil then
    warn("require('byline').setup() has not been called", { "add it to your init.lua (see the README)" })
    cfg = byline.defaults
  end
  local exe = cfg.cmd[1]
  if vim.fn.executable(exe) == 1 then
    local version = vim.fn.system({ exe, "--version" }):gsub("%s+$", "")
    ok(string.format("%s is executable (%s): %s", exe, vim.fn.exepath(exe), version))
  else
    report_error(exe .. " is not executable", {
      "install the server: cargo install --path . in a byline checkout (puts it in ~/.cargo/bin)",
      "or point the plugin at it: require('byline').setup({ cmd = { '/path/to/byline', 'lsp' } })",
    })
  end
  info("filetypes: " .. table.concat(cfg.filetypes, ", ") .. "; root markers: " .. table.concat(cfg.root_markers, ", "))
  local clients = byline.clients()
  if #clients == 0 then
    info("no byline server running (open a " .. table.concat(cfg.filetypes, " or ") .. " file)")
  end
  for _, client in ipairs(clients) do
    info(string.format("server %d running for %s", client.id, client.config.root_dir or "?"))
  end
end

return M
