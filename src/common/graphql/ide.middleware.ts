import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Browser assets of the IDE, served from installed packages so it works with no internet access. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: 'react/umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { file: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { file: 'graphiql/graphiql.min.css', type: 'text/css' },
};

function resolveAsset(file: string): string {
  const [scope, name, ...rest] = file.split('/');
  const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope;
  const inner = scope.startsWith('@') ? rest : [name, ...rest];
  return join(dirname(require.resolve(`${pkg}/package.json`)), ...inner);
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Hush — GraphQL</title>
  <link rel="stylesheet" href="/graphql/ide/graphiql.css" />
  <style>body { margin: 0; height: 100vh; } #ide { height: 100vh; }</style>
</head>
<body>
  <div id="ide">Loading the IDE…</div>
  <script src="/graphql/ide/react.js"></script>
  <script src="/graphql/ide/react-dom.js"></script>
  <script src="/graphql/ide/graphiql.js"></script>
  <script src="/graphql/ide/start.js"></script>
</body>
</html>`;

/**
 * Token handling: the IDE sends what the user puts in the Headers tab; a `?token=` in the page URL pre-fills it.
 * Subscriptions go over graphql-ws on the same path; GraphiQL hands the Headers tab to it as the connection
 * params, so its `Authorization: Bearer …` authenticates the socket as it does a request.
 */
const START = `
const token = new URLSearchParams(location.search).get('token');
const send = GraphiQL.createFetcher({
  url: location.origin + '/graphql',
  subscriptionUrl: location.origin.replace(/^http/, 'ws') + '/graphql',
});
// GraphiQL picks the socket by the document and operation name it last parsed, which lag a moment behind the
// editor (run right after typing, a subscription went out as a POST); decide by what is actually sent.
const fetcher = (params, options) => {
  let documentAST = options && options.documentAST;
  try {
    documentAST = GraphiQL.GraphQL.parse(params.query);
  } catch (error) {
    // Not a document: sent as it is, and the server names the syntax error.
  }
  const operations = documentAST ? documentAST.definitions.filter((d) => d.kind === 'OperationDefinition') : [];
  const operationName = operations.length === 1 ? (operations[0].name ? operations[0].name.value : undefined) : params.operationName;
  return send(Object.assign({}, params, { operationName }), Object.assign({}, options, { documentAST }));
};
ReactDOM.createRoot(document.getElementById('ide')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    headers: JSON.stringify(token ? { Authorization: 'Bearer ' + token } : { Authorization: 'Bearer <your token>' }, null, 2),
    defaultQuery: '# Hush: is this alert expected right now, and why?\\n# Put your API token in the Headers tab below.\\n{\\n  me { name role }\\n}\\n',
  }),
);`;

/**
 * GraphiQL on GET /graphql for browsers. Requests that are not a browser
 * asking for a page (GET queries, POST, websockets) go on to Apollo.
 */
@Injectable()
export class IdeMiddleware implements NestMiddleware {
  private readonly cache = new Map<string, Buffer>();

  use(req: Request, res: Response, next: NextFunction) {
    if (req.method !== 'GET') return next();
    const path = req.originalUrl.split('?')[0].replace(/\/+$/, '');
    const asset = /^\/graphql\/ide\/([\w.-]+)$/.exec(path)?.[1];
    if (asset === 'start.js') return this.send(res, 'text/javascript', Buffer.from(START));
    if (asset && ASSETS[asset]) return this.send(res, ASSETS[asset].type, this.load(ASSETS[asset].file));
    const wantsPage = path === '/graphql' && !req.query.query && (req.headers.accept ?? '').includes('text/html');
    if (wantsPage) return this.send(res, 'text/html; charset=utf-8', Buffer.from(PAGE));
    return next();
  }

  private load(file: string): Buffer {
    let body = this.cache.get(file);
    if (!body) {
      body = readFileSync(resolveAsset(file));
      this.cache.set(file, body);
    }
    return body;
  }

  private send(res: Response, type: string, body: Buffer) {
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-cache');
    res.end(body);
  }
}
