export { writeOrganisationReportPdf } from './organisation-report-pdf.js';
export { writeOrganisationReportXlsx } from './organisation-report-xlsx.js';
export { reportFilename, type ReportFileFormat } from './report-filename.js';
