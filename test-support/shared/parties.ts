import type { MethodInput } from '../../shared/api';

/** The trading company of the sample declarations, as a broker saves it in the party library (parties.save). */
export const freshFruitTrader = {
  roles: ['trade', 'owner'],
  customsCode: '3101230456',
  uscc: '91310000132212345R',
  ciqCode: '3100000123',
  nameZh: '上海鲜果贸易有限公司',
  nameEn: '',
  address: '',
  note: '',
} satisfies MethodInput<'parties.save'>;
