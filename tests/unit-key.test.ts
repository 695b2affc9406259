// The unit key (issue 14): a unit's full name and its short form agree; two different units never do.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { unitKey } from '../src/unit-key.js';
import { SEED_TXT } from './paths.js';

describe('unitKey', () => {
  it.each([
    ['上海市普陀区财政局', '普陀区财政局', '普陀区财政局'],
    ['上海 市 普陀区 财政局', '普陀区财政局', '普陀区财政局'],
    ['中共上海市普陀区委社会工作部', '中共普陀区委社会工作部', '中共普陀区委社会工作部'],
    ['上海市普陀区人民政府万里街道办事处', '普陀区万里街道办事处', '普陀区万里街道办事处'],
    ['上海市普陀区万里街道办事处', '普陀区人民政府万里街道办事处', '普陀区万里街道办事处'],
    ['上海市浦东新区教育局', '浦东新区教育局', '浦东新区教育局'],
    ['内蒙古自治区呼和浩特市财政局', '呼和浩特市财政局', '呼和浩特市财政局'],
    ['江苏省苏州市吴中区财政局', '苏州市吴中区财政局', '苏州市吴中区财政局'],
  ])('%s and %s agree', (full, short, key) => {
    expect(unitKey(full)).toBe(key);
    expect(unitKey(short)).toBe(key);
  });

  it.each([
    // City level and district level are two units.
    ['上海市财政局', '普陀区财政局'],
    // The same district name in two cities (a prefecture-level city is never dropped).
    ['浙江省舟山市普陀区财政局', '上海市普陀区财政局'],
    ['江苏省南京市鼓楼区财政局', '福建省福州市鼓楼区财政局'],
    // Nothing after the province that could stand on its own.
    ['上海市社区服务中心', '北京市社区服务中心'],
    ['江苏省高级人民法院', '高级人民法院'],
    ['上海市市场监督管理局', '市场监督管理局'],
    // The government office is not the district; 本级 is not the department.
    ['上海市普陀区人民政府办公室', '普陀区'],
    ['上海市普陀区石泉路街道办事处（本级）', '普陀区石泉路街道办事处'],
  ])('%s and %s stay apart', (a, b) => {
    expect(unitKey(a)).not.toBe(unitKey(b));
  });

  it('gives the real corpus’s units (as the records name them) one key each', () => {
    const corpusUnits = {
      上海市普陀区财政局: '普陀区财政局',
      上海市普陀区司法局: '普陀区司法局',
      中共上海市普陀区委社会工作部: '中共普陀区委社会工作部',
      上海市普陀区人民政府万里街道办事处: '普陀区万里街道办事处',
      上海市普陀区文化和旅游局: '普陀区文化和旅游局',
      上海市普陀区人民政府办公室: '普陀区人民政府办公室',
      上海市普陀区社会福利院: '普陀区社会福利院',
      '上海市普陀区石泉路街道办事处（本级）': '普陀区石泉路街道办事处(本级)',
      上海市财政局: '上海市财政局',
      上海市XX局: '上海市XX局',
      西南大学: '西南大学',
      江苏省高级人民法院: '江苏省高级人民法院',
      江苏省人民检察院: '江苏省人民检察院',
      江苏省人大常委会办公厅: '江苏省人大常委会办公厅',
      江苏省委办公厅: '江苏省委办公厅',
      江苏省政协办公厅: '江苏省政协办公厅',
      鄂城区总工会: '鄂城区总工会',
    };
    expect(Object.fromEntries(Object.keys(corpusUnits).map((u) => [u, unitKey(u)]))).toEqual(corpusUnits);
  });

  it('keeps what it cannot shorten, and gives null for no name', () => {
    expect(unitKey('上海市财政局')).toBe('上海市财政局');
    expect(unitKey('江苏省人大常委会办公厅')).toBe('江苏省人大常委会办公厅');
    expect(unitKey('西南大学')).toBe('西南大学');
    expect(unitKey(null)).toBeNull();
    expect(unitKey('  ')).toBeNull();
  });

  it('is in the record', async () => {
    const r = await extract(SEED_TXT);
    expect(r.document.unitKey).toBe('鄂城区总工会');
  });
});
