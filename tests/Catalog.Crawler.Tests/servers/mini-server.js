// A small raw JSON-RPC MCP server over stdio whose behaviour is chosen by its first argument, for crawler tests.
//   ok        answers initialize and tools/list (one page)
//   paged     answers tools/list over three cursors
//   hang      reads requests and never answers
//   crash     exits with code 7 as soon as it starts, after a line on stderr
//   slow      waits 3 s before answering initialize
//   env       lists one tool per environment variable it sees (names only), to show what reaches a server
const mode = process.argv[2] || 'ok';
if (mode === 'crash') { process.stderr.write('fatal: cannot open config\n'); process.exit(7); }
const pages = { '': ['alpha_list', 'beta_get'], 'c1': ['gamma_delete'], 'c2': ['delta_create'] };
const next = { '': 'c1', 'c1': 'c2', 'c2': undefined };
const tool = (name) => ({ name, description: `The ${name} tool.`, inputSchema: { type: 'object', properties: {} } });
function answer(msg) {
  if (msg.method === 'initialize') {
    return { protocolVersion: msg.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'mini-' + mode, version: '1.0.0' } };
  }
  if (msg.method === 'tools/list') {
    if (mode === 'paged') {
      const cursor = (msg.params && msg.params.cursor) || '';
      const result = { tools: pages[cursor].map(tool) };
      if (next[cursor]) result.nextCursor = next[cursor];
      return result;
    }
    if (mode === 'env') return { tools: Object.keys(process.env).sort().map(tool) };
    return { tools: ['alpha_list', 'beta_get'].map(tool) };
  }
  return null;
}
let buffer = '';
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let i;
  while ((i = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, i); buffer = buffer.slice(i + 1);
    if (!line.trim()) continue;
    const msg = JSON.parse(line);
    if (msg.id === undefined || mode === 'hang') continue;
    const result = answer(msg);
    const reply = result === null
      ? { jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: 'method not found' } }
      : { jsonrpc: '2.0', id: msg.id, result };
    const send = () => process.stdout.write(JSON.stringify(reply) + '\n');
    if (mode === 'slow' && msg.method === 'initialize') setTimeout(send, 3000); else send();
  }
});
