import type { Qualification } from './people.js';

export interface OccupationProfile {
  /** ISCO-08 unit group. */
  code: string;
  /** How a vacancy for it is titled in the province. */
  title: string;
  /** Skills a worker in it has and a vacancy asks for, most common first. */
  skills: readonly string[];
  certificates: readonly string[];
  /** The qualification usually asked for. */
  qualification: Qualification;
  /** Usual monthly pay, million VND. */
  wage: readonly [number, number];
  /** Years of experience a vacancy may ask for at most. */
  maxExperience: number;
}

const o = (
  code: string,
  title: string,
  skills: string[],
  qualification: Qualification,
  wage: [number, number],
  maxExperience = 0,
  certificates: string[] = [],
): OccupationProfile => ({ code, title, skills, certificates, qualification, wage, maxExperience });

/**
 * The province's common occupations, most frequent first: factory work in
 * the industrial parks leads, then services, farming and the trades. Workers'
 * wishes are drawn Zipf-like over this order.
 */
export const OCCUPATIONS: readonly OccupationProfile[] = [
  o('8212', 'Công nhân lắp ráp linh kiện điện tử', ['electronics-assembly', 'smt-operation', 'pcb-assembly', 'phone-assembly', 'cleanroom-work', 'hand-soldering', 'visual-inspection'], 'none', [7, 10.5]),
  o('8153', 'Công nhân may công nghiệp', ['industrial-sewing', 'overlock-sewing', 'special-machine-sewing', 'ironing-finishing', 'garment-qc'], 'none', [6.5, 10]),
  o('9329', 'Lao động phổ thông sản xuất', ['packing', 'line-operation', 'five-s', 'picking-packing', 'work-discipline'], 'none', [6, 8.5]),
  o('5223', 'Nhân viên bán hàng', ['retail-sales', 'cashiering', 'customer-service', 'merchandising', 'online-selling'], 'none', [5.5, 9]),
  o('7543', 'Nhân viên kiểm tra chất lượng sản phẩm (QC)', ['visual-inspection', 'ipqc-oqc', 'aoi-inspection', 'dimensional-inspection', 'iqc-incoming'], 'elementary', [7.5, 11], 1),
  o('9333', 'Nhân viên kho, bốc xếp hàng hóa', ['loading-unloading', 'warehouse-operations', 'forklift-operation', 'inventory-control'], 'none', [6, 9], 0, ['cert-forklift']),
  o('7212', 'Thợ hàn', ['arc-welding', 'mig-welding', 'tig-welding', 'gas-cutting', 'pipe-welding'], 'elementary', [9, 15], 2, ['cert-welder']),
  o('8322', 'Lái xe ô tô con', ['car-driving', 'route-planning', 'customer-service'], 'elementary', [8, 12], 2, ['driving-licence-b']),
  o('6112', 'Lao động trồng và chăm sóc chè', ['tea-growing', 'tea-plucking', 'tea-pruning', 'plant-protection', 'vietgap'], 'none', [4.5, 7]),
  o('7223', 'Thợ vận hành máy CNC', ['cnc-turning', 'cnc-milling', 'cnc-programming', 'precision-measurement', 'technical-drawing'], 'intermediate', [9, 16], 2),
  o('5120', 'Đầu bếp', ['vietnamese-cuisine', 'industrial-catering', 'asian-cuisine', 'food-safety'], 'elementary', [7, 12], 1, ['cert-food-safety']),
  o('8121', 'Công nhân vận hành máy dập, gia công kim loại', ['press-operation', 'sheet-metal', 'machine-operation', 'metal-fabrication'], 'elementary', [7.5, 11]),
  o('5414', 'Nhân viên bảo vệ', ['security-guarding', 'fire-safety', 'first-aid'], 'none', [6, 8.5], 0, ['cert-security-guard']),
  o('6111', 'Lao động trồng rau, cây màu', ['vegetable-growing', 'crop-growing', 'vietgap', 'organic-farming', 'greenhouse-growing'], 'none', [4.5, 7]),
  o('8160', 'Công nhân chế biến chè', ['tea-processing', 'tea-roasting', 'tea-packaging', 'tea-machinery', 'food-safety'], 'none', [5.5, 8.5]),
  o('7233', 'Thợ bảo trì, sửa chữa máy móc', ['machine-maintenance', 'preventive-maintenance', 'hydraulics-pneumatics', 'assembly-mechanical'], 'intermediate', [9, 14], 3),
  o('4321', 'Nhân viên thủ kho', ['inventory-control', 'wms-software', 'excel', 'data-entry'], 'intermediate', [7, 10], 1),
  o('9112', 'Nhân viên vệ sinh công nghiệp', ['industrial-cleaning', 'cleaning-housekeeping', 'chemical-handling'], 'none', [5, 7]),
  o('7532', 'Thợ cắt, ra rập may mặc', ['pattern-cutting', 'pattern-making', 'cad-pattern'], 'elementary', [8, 12], 2),
  o('8332', 'Lái xe tải', ['truck-driving', 'container-truck-driving', 'route-planning'], 'elementary', [10, 16], 3, ['driving-licence-c']),
  o('3119', 'Kỹ thuật viên quản lý chất lượng', ['quality', 'spc', 'iso-9001', 'root-cause-analysis', 'internal-audit'], 'college', [9, 15], 2),
  o('6121', 'Lao động chăn nuôi gia súc', ['livestock', 'veterinary-assist', 'farm-machinery'], 'none', [5, 7.5]),
  o('6122', 'Lao động chăn nuôi gia cầm', ['poultry', 'veterinary-assist'], 'none', [5, 7.5]),
  o('5131', 'Nhân viên phục vụ nhà hàng', ['table-service', 'customer-service', 'bartending'], 'none', [5, 7.5]),
  o('8111', 'Công nhân khai thác mỏ', ['underground-mining', 'open-pit-mining', 'mining-safety', 'blasting'], 'elementary', [10, 17], 2, ['osh-group-3']),
  o('9211', 'Lao động nông nghiệp thời vụ', ['crop-growing', 'tea-plucking', 'rice-farming'], 'none', [4.5, 6.5]),
  o('3113', 'Kỹ thuật viên điện', ['industrial-electrics', 'plc-programming', 'motor-control', 'electrical-wiring'], 'college', [9, 15], 2, ['cert-electrical-safety']),
  o('7411', 'Thợ điện công trình', ['electrical-installation', 'electrical-wiring', 'lighting-installation'], 'intermediate', [8, 13], 1, ['cert-electrical-safety']),
  o('7412', 'Thợ điện công nghiệp', ['industrial-electrics', 'motor-control', 'control-panel-assembly'], 'intermediate', [9, 14], 2, ['cert-electrical-safety']),
  o('8112', 'Công nhân tuyển khoáng', ['mineral-processing', 'machine-operation', 'mining-safety'], 'elementary', [9, 14], 1, ['osh-group-3']),
  o('9621', 'Nhân viên giao hàng', ['motorbike-delivery', 'last-mile-delivery', 'route-planning'], 'none', [6, 10], 0, ['driving-licence-a1']),
  o('3115', 'Kỹ thuật viên cơ khí', ['technical-drawing', 'cad-drafting', 'precision-measurement', 'machine-maintenance'], 'college', [10, 16], 2),
  o('4226', 'Nhân viên lễ tân', ['front-desk', 'reception', 'booking-systems', 'workplace-english'], 'intermediate', [6, 9]),
  o('4110', 'Nhân viên văn phòng', ['office-software', 'excel', 'data-entry', 'document-management'], 'college', [6.5, 10], 1),
  o('3313', 'Nhân viên kế toán', ['bookkeeping', 'accounting-software', 'tax-accounting', 'payroll', 'excel'], 'college', [8, 13], 2),
  o('7531', 'Thợ may mẫu', ['sample-sewing', 'tailoring', 'industrial-sewing'], 'elementary', [8, 12], 2),
  o('3122', 'Tổ trưởng sản xuất', ['line-leading', 'team-leadership', 'production-planning', 'lean'], 'intermediate', [10, 15], 3),
  o('2643', 'Phiên dịch tiếng Hàn', ['interpreting-factory', 'translation', 'workplace-korean'], 'university', [12, 20], 1),
  o('8189', 'Công nhân vận hành máy ép nhựa', ['mould-injection', 'machine-operation', 'line-operation'], 'none', [7, 10]),
  o('7515', 'Nhân viên thử nếm, phân loại chè', ['tea-tasting', 'tea-processing', 'quality'], 'elementary', [6, 9], 2),
  o('8341', 'Lái máy nông nghiệp', ['farm-machinery', 'agricultural-machinery-repair'], 'elementary', [6, 9], 1),
  o('8343', 'Lái máy xúc, máy ủi', ['excavator-operation', 'loader-operation', 'bulldozer-operation'], 'elementary', [11, 17], 2, ['cert-construction-machinery']),
  o('6210', 'Lao động trồng và bảo vệ rừng', ['tree-planting', 'forest-protection', 'non-timber-products'], 'none', [4.5, 6.5]),
  o('3117', 'Kỹ thuật viên mỏ', ['mining-safety', 'mineral-processing', 'surveying'], 'college', [11, 18], 3, ['osh-group-3']),
  o('2512', 'Lập trình viên phần mềm', ['backend-development', 'javascript', 'python', 'databases', 'software-testing'], 'university', [12, 25], 2),
  o('2423', 'Nhân viên nhân sự', ['hr-administration', 'payroll', 'excel', 'communication'], 'university', [9, 14], 1),
];

export const occupationProfile = (code: string): OccupationProfile => {
  const found = OCCUPATIONS.find((occupation) => occupation.code === code);
  if (!found) throw new Error(`no occupation profile for ${code}`);
  return found;
};
