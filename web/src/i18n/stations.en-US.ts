import type { StationsMessages } from './stations.zh-CN'

const stationsEn: StationsMessages = {
  stationForm: {
    create: 'New station item', edit: 'Edit station item', station: 'Station', title: 'Item', content: 'Content', year: 'Year',
    consultedOn: 'Consulted on', consultedOnHint: 'The day the community consultation chose the operating mode', decidedBy: 'Decided by', mode: 'Operating mode',
    modeHint: {
      Free: 'Few beneficiaries, a single need; existing, nearby or volunteer resources; no extra cost',
      Purchased: 'Many beneficiaries; contracted to a community social organisation, paid from the special fund; the consultation names candidate contractors',
      Packaged: 'More than 50 items a year; a social organisation runs the station; amount, years, operator and team decided by the consultation or the representatives',
    },
    serviceForms: 'Forms of service', serviceFormsHint: 'Only the forms the station offers', linkedResources: 'Resources', microProject: 'Micro-project',
    microProjectHint: 'A filed project routed to the station; required for a purchased or packaged item', candidates: 'Candidate contractors',
    candidatesHint: 'One a line or separated by 、; at most 10', operator: 'Operator', operatorNone: 'None',
    hostOperator: 'The host platform is run by “{name}”: new items go to it in principle (R-ST-04)', operatorInvited: 'The host operator was invited to the consultation',
    operatorOverrideReason: 'Why not the host operator', amountYuan: 'Fee (yuan)', years: 'Years', teamSize: 'Team size', packagedOverrideReason: 'Reason for packaging',
    packagedHint: 'A village with no more than 50 items this year packages only with a recorded reason', reason: 'Reason for the change',
    saved: 'Saved: {name}', stale: 'Someone else changed this record; reload it before editing.', reload: 'Reload', noStation: 'No active station yet: register one under Stations first.',
    editLocked: 'The procurement filing is with the town; the item can no longer change.', upload: 'Upload', uploadKind: 'Kind of document', uploaded: 'Uploaded: {name}',
  },
  filingForm: {
    draft: 'Draft procurement filing', edit: 'Edit procurement filing', method: 'Procurement method', methodOther: 'Other method', supplier: 'Supplier',
    supplierFixed: 'The operator chosen at consultation: {name}', supplierPick: 'Registered organisation', supplierPickHint: 'Optional: otherwise type the name below',
    supplierName: 'Supplier name', amountYuan: 'Amount (yuan)', signedOn: 'Agreement signed on', agreement: 'Signed service agreement',
    agreementHint: "Choose one of the item's agreement documents, or upload it first", uploadAgreement: 'Upload agreement', saved: 'Procurement filing saved',
    reviewed: "The committee has reviewed this draft: after a change it reviews it again.", document: 'Procurement filing form', state: 'State',
    differenceReason: 'Reason for the difference', differs: 'The amount differs from the fee agreed at consultation ({fee}): explain why; the town confirms it when it records the filing.',
  },
}

export default stationsEn
