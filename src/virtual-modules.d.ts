declare module 'virtual:webllm-prebuilt' {
  import type { PrebuiltMlcModel } from './models/records';
  const list: PrebuiltMlcModel[];
  export default list;
}
