-- Neovim as a plain LSP client of dist/server.js: diagnostics and the RPI hover.
-- Works on Debian's Neovim 0.7 (vim.lsp.start_client) and later. Writes one line per check
-- to $RESULT_FILE: "PASS name" or "FAIL name: why".
local out = assert(os.getenv('RESULT_FILE'))
local server = assert(os.getenv('SERVER_JS'))
local file = assert(os.getenv('CASE_FILE'))
local results = {}
local function check(name, ok, why)
  table.insert(results, (ok and 'PASS ' or 'FAIL ') .. name .. (ok and '' or (': ' .. tostring(why))))
end
local function finish()
  local f = io.open(out, 'w')
  f:write(table.concat(results, '\n') .. '\n')
  f:close()
  vim.cmd('qall!')
end

vim.cmd('edit ' .. file)
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'casewright',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
check('server starts', client_id ~= nil, 'start_client returned nil')
if not client_id then return finish() end
vim.lsp.buf_attach_client(bufnr, client_id)

local function has_code(code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local c = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if c == code then return true end
  end
  return false
end
local got = vim.wait(20000, function() return has_code('unit-not-accepted') end, 50)
check('diagnostic unit-not-accepted', got, vim.inspect(vim.diagnostic.get(bufnr)))

local line
for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  if text:match('^reticulocytes:') then line = i - 1 end
end
local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line or 0, character = 3 } }
local hover
for _ = 1, 20 do
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 5000)
  for _, r in pairs(res or {}) do
    if r.result and r.result.contents then
      local c = r.result.contents
      hover = type(c) == 'table' and (c.value or vim.inspect(c)) or c
    end
  end
  if hover then break end
  vim.wait(200)
end
check('hover on reticulocytes shows the RPI', hover ~= nil and (hover:find('RPI') or hover:find('production index')) ~= nil, hover)

vim.lsp.stop_client(client_id)
vim.wait(300)
finish()
