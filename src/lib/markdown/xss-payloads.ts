/**
 * Hostile message texts for the renderer's tests (unit and browser). Every
 * payload that could run script tries to set `window.__xss` or open a dialog.
 * `visible` is text that must appear as-is when raw HTML is shown as text.
 */
export interface XssPayload {
  name: string;
  text: string;
  visible?: string;
}

export const XSS_PAYLOADS: XssPayload[] = [
  { name: 'script tag', text: '<script>window.__xss=1</script>', visible: '<script>window.__xss=1</script>' },
  { name: 'img onerror', text: '<img src=x onerror="window.__xss=1">', visible: '<img src=x onerror="window.__xss=1">' },
  { name: 'img onerror inline', text: 'before <img src=x onerror=alert(1)> after', visible: '<img src=x onerror=alert(1)>' },
  { name: 'svg onload', text: '<svg onload="window.__xss=1"><script>window.__xss=1</script></svg>', visible: '<svg onload=' },
  { name: 'svg javascript link', text: '<svg><a xlink:href="javascript:window.__xss=1"><text y="20">svg link</text></a></svg>' },
  { name: 'iframe javascript', text: '<iframe src="javascript:window.__xss=1"></iframe>', visible: '<iframe src=' },
  { name: 'iframe srcdoc', text: '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>' },
  { name: 'object data', text: '<object data="javascript:window.__xss=1"></object>' },
  { name: 'embed data url', text: '<embed src="data:text/html,<script>parent.__xss=1</script>">' },
  { name: 'style tag', text: "<style>body{background:url(javascript:window.__xss=1)} *{display:none}</style>", visible: '<style>body{' },
  { name: 'style attribute', text: '<div style="position:fixed;inset:0;background:red">styled</div>' },
  { name: 'form action', text: '<form action="javascript:window.__xss=1"><button>Send</button></form>' },
  { name: 'raw anchor', text: '<a href="javascript:window.__xss=1">raw anchor</a>', visible: '<a href="javascript:window.__xss=1">' },
  { name: 'raw anchor entities', text: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss=1">entities</a>' },
  { name: 'details ontoggle', text: '<details open ontoggle="window.__xss=1"><summary>x</summary></details>' },
  { name: 'input autofocus', text: '<input autofocus onfocus="window.__xss=1">' },
  { name: 'custom element hover', text: '<x-el onpointerenter="window.__xss=1">hover me</x-el>' },
  { name: 'body onload', text: '<body onload="window.__xss=1">' },
  { name: 'meta refresh', text: '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">' },
  { name: 'base href', text: '<base href="javascript:window.__xss=1//">' },
  { name: 'remote stylesheet', text: '<link rel="stylesheet" href="https://evil.example/x.css">' },
  { name: 'mXSS math/style', text: '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">' },
  { name: 'mXSS noscript', text: '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">' },
  { name: 'markdown javascript link', text: '[markdown link](javascript:window.__xss=1)' },
  { name: 'markdown link with title', text: '[titled](javascript:window.__xss=1 "title")' },
  { name: 'angle destination', text: '[angle](<javascript:window.__xss=1>)' },
  { name: 'decimal entity link', text: '[decimal entity](&#106;avascript:window.__xss=1)' },
  { name: 'hex entity link', text: '[hex entity](&#x6A;avascript:window.__xss=1)' },
  { name: 'named entity colon', text: '[colon entity](javascript&colon;window.__xss=1)' },
  { name: 'mixed case scheme', text: '[mixed case](JaVaScRiPt:window.__xss=1)' },
  { name: 'escaped tab in scheme', text: '[tab](java&#9;script:window.__xss=1)' },
  { name: 'vbscript link', text: '[vb](vbscript:msgbox(1))' },
  { name: 'data link', text: '[data](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==)' },
  { name: 'javascript image', text: '![js image](javascript:window.__xss=1)' },
  { name: 'data image', text: '![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)' },
  { name: 'remote image', text: '![tracking pixel](https://tracker.example/pixel.png)' },
  { name: 'attribute breakout image', text: '![x](x" onerror="window.__xss=1)' },
  { name: 'title breakout link', text: '[hover](https://ok.example/ "a\\" onmouseover=\\"window.__xss=1")' },
  { name: 'reference link', text: '[reference link][evil]\n\n[evil]: javascript:window.__xss=1' },
  { name: 'reference image', text: '![reference image][evilimg]\n\n[evilimg]: javascript:window.__xss=1' },
  { name: 'autolink javascript', text: '<javascript:window.__xss=1>' },
  { name: 'autolink data', text: '<data:text/html,<script>window.__xss=1</script>>' },
  { name: 'inline code html', text: 'inline `<img src=x onerror=window.__xss=1>` code', visible: '<img src=x onerror=window.__xss=1>' },
  { name: 'fenced html', text: '```html\n<script>window.__xss=1</script>\n```', visible: '<script>window.__xss=1</script>' },
  { name: 'math href', text: 'math $\\href{javascript:window.__xss=1}{click}$ link' },
  { name: 'math url', text: '$$\\url{javascript:window.__xss=1}$$' },
  { name: 'math html in tex', text: '$<img src=x onerror="window.__xss=1">$' },
];
