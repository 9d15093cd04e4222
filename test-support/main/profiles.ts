import type { ProfileInput } from '../../shared/profiles/profile-check';

/** The operator of the sample declaration (resources/samples/import-general-trade.json). */
export const wangFang: ProfileInput = {
  company: { name: '上海捷通报关有限公司', customsCode: '3120980123', uscc: '91310115MA1H7AAA0F' },
  operator: { name: '王芳', icCard: '8931000012345' },
};

/** A second operator of the same company. */
export const liQiang: ProfileInput = { company: wangFang.company, operator: { name: '李强', icCard: '8931000067890' } };
