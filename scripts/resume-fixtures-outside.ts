/**
 * Resumes and job descriptions "written outside the team": layouts the first labelled set never
 * used, written before the parser was changed for them (issue #10), so they measure what a
 * stranger's file gets rather than what the parser was tuned on. They go to
 * test/fixtures/resumes/outside/ (job descriptions to outside/jobs/), each with its labels, and
 * `npm run bench:resumes` reports them apart from the first set.
 *
 * Styles: skills in tables with header rows ("Category | Level | Where I learned"), skill
 * sections with odd titles ("Toolbox", "What I work with"), labels ("Tools:", "Kit I use:"),
 * contact details only in a DOCX page header or footer, a "Say hello" contact block with a city,
 * a one-page scan (text rendered to pixels, nothing selectable), and nurses, teachers and sales.
 *
 * Every person, employer and school is invented.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { Document, Footer, Header, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const AS_OF = '2025-06-01';
const FIXED_DATE = new Date('2025-01-15T09:00:00Z');
const STANDARD_FONTS = fileURLToPath(new URL('../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

interface Position {
  title: string;
  employer: string;
  start: string;
  end: string;
}

interface Expected {
  file: string;
  status: 'parsed' | 'no_text';
  asOf: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  skills: string[];
  yearsOfExperience: number | null;
  positions: Position[];
  education: { degree: string; institution: string; year: number | null }[];
  flags: { hiddenText: boolean; injection: boolean; noTextLayer: boolean };
  /** Words the file shows that are not skills: headings, table headers, labels, places, contacts. */
  mustNotHaveSkills: string[];
  /** Read from pixels: the reading must say so. */
  ocr?: boolean;
}

export interface ExpectedJob {
  file: string;
  /** What a careful reader lists as the skills the job asks for (taxonomy names where it has one). */
  skills: string[];
  /** Words of the ad that are not skills of the candidate: the company's business, the hiring process. */
  mustNotHaveSkills: string[];
  /** Words that must never be offered as keywords: function words and fragments. */
  mustNotBeKeywords: string[];
}

/** Years covered by the positions, overlaps once; a year alone counts from its middle. */
function yearsOf(positions: readonly Position[]): number {
  const [asOfYear, asOfMonth] = AS_OF.split('-').map(Number) as [number, number];
  const months = new Set<number>();
  for (const p of positions) {
    const [sy, sm] = p.start.split('-').map(Number) as [number, number | undefined];
    const start = sy * 12 + (sm === undefined ? 6 : sm - 1);
    let end = asOfYear * 12 + asOfMonth;
    if (p.end !== 'present') {
      const [ey, em] = p.end.split('-').map(Number) as [number, number | undefined];
      end = ey * 12 + (em === undefined ? 6 : em);
    }
    for (let m = start; m < end; m += 1) months.add(m);
  }
  return Math.round((months.size / 12) * 10) / 10;
}

function expected(e: Omit<Expected, 'status' | 'asOf' | 'flags' | 'yearsOfExperience'> & { yearsOfExperience?: number | null }): Expected {
  return {
    status: 'parsed',
    asOf: AS_OF,
    flags: { hiddenText: false, injection: false, noTextLayer: false },
    ...e,
    yearsOfExperience: e.yearsOfExperience === undefined ? yearsOf(e.positions) : e.yearsOfExperience,
  };
}

// ---------------------------------------------------------------------------------------------
// Writers

function pdf(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { CreationDate: FIXED_DATE, Producer: 'Panelist fixtures' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  build(doc);
  doc.end();
  return done;
}

function cells(texts: readonly string[], bold = false): TableRow {
  return new TableRow({
    children: texts.map((t) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: t, bold })] })] })),
  });
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [cells(header, true), ...rows.map((r) => cells(r))] });
}

const h2 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 200, after: 60 } });
const p = (text: string) => new Paragraph(text);
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });

/** Renders a text PDF's first page to pixels and wraps the picture in a PDF of its own: a scan. */
async function scanOf(textPdf: Buffer, dpi: number): Promise<Buffer> {
  const document = await getDocument({
    data: new Uint8Array(textPdf),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const page = await document.getPage(1);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  // A scanner's paper is never quite white.
  context.fillStyle = '#f6f4ef';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
    canvas: canvas as unknown as HTMLCanvasElement,
  }).promise;
  const jpeg = canvas.toBuffer('image/jpeg', 82);
  await document.destroy();
  return pdf((doc) => {
    doc.image(jpeg, 0, 0, { width: doc.page.width, height: doc.page.height });
  });
}

// ---------------------------------------------------------------------------------------------
// The resumes

/** Contact details only in the page header; skills in a table with a header row. */
async function nurseHeaderContacts(): Promise<[Buffer, Expected]> {
  const doc = new Document({
    creator: 'Panelist fixtures',
    sections: [
      {
        headers: { default: new Header({ children: [p('adaeze.nwosu@example.net   ·   +44 7700 900418   ·   Stockport')] }) },
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Adaeze Nwosu', bold: true, size: 40 })], heading: HeadingLevel.TITLE }),
          p('Registered Nurse (Adult), NMC PIN 16A2048E'),
          h2('Profile'),
          p(
            'Ward nurse on a busy acute medical unit. Calm in a deteriorating-patient call, careful with paperwork, and the one students ask.',
          ),
          h2('Clinical experience'),
          bold('Senior Staff Nurse — Stepping Hill Hospital, Acute Medical Unit'),
          p('March 2021 – present'),
          bullet('Coordinate a 28-bed unit on nights and allocate patients to a team of six.'),
          bullet('Run sepsis screening and NEWS2 escalation for new admissions.'),
          bullet('Mentored nursing students through their final placement.'),
          bold('Staff Nurse — Tameside General Hospital, Respiratory Ward'),
          p('September 2016 – February 2021'),
          bullet('Cared for patients on non-invasive ventilation and tracheostomy care.'),
          h2('Skills'),
          table(
            ['Category', 'Skill', 'Level', 'Where I learned'],
            [
              ['Clinical', 'Wound care', 'Advanced', 'Tameside General Hospital'],
              ['Clinical', 'IV therapy', 'Advanced', 'Stepping Hill Hospital'],
              ['Clinical', 'Medication administration', 'Expert', 'University of Bolton'],
              ['Clinical', 'Triage', 'Confident', 'Stepping Hill Hospital'],
              ['Digital', 'EMIS', 'Confident', 'Tameside General Hospital'],
              ['People', 'Patient education', 'Advanced', 'Placements'],
            ],
          ),
          h2('Education'),
          p('BSc (Hons) Adult Nursing, University of Bolton, 2016'),
        ],
      },
    ],
  });
  const positions = [
    { title: 'Senior Staff Nurse', employer: 'Stepping Hill Hospital', start: '2021-03', end: 'present' },
    { title: 'Staff Nurse', employer: 'Tameside General Hospital', start: '2016-09', end: '2021-02' },
  ];
  return [
    await Packer.toBuffer(doc),
    expected({
      file: 'docx-nurse-header-contacts.docx',
      name: 'Adaeze Nwosu',
      email: 'adaeze.nwosu@example.net',
      phone: '+44 7700 900418',
      location: null,
      skills: ['Wound care', 'IV therapy', 'Medication administration', 'Triage', 'EMIS', 'Patient education', 'Mentoring'],
      positions,
      education: [{ degree: 'BSc (Hons) Adult Nursing', institution: 'University of Bolton', year: 2016 }],
      mustNotHaveSkills: [
        'Category',
        'Skill',
        'Level',
        'Where I learned',
        'Clinical',
        'Digital',
        'People',
        'Advanced',
        'Expert',
        'Confident',
        'Stockport',
        'Placements',
      ],
    }),
  ];
}

/** Contact details only in the page footer; "What I work with" with labelled lines. */
async function salesFooterContacts(): Promise<[Buffer, Expected]> {
  const doc = new Document({
    creator: 'Panelist fixtures',
    sections: [
      {
        footers: {
          default: new Footer({ children: [p('Leon Brandt  |  Leeds, UK  |  leon.brandt@example.com  |  +44 113 496 0789')] }),
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: 'LEON BRANDT', bold: true, size: 36 })] }),
          p('Account Executive, B2B software'),
          h2('In short'),
          p('I sell to finance teams. Closed £1.9M of new annual revenue last year at 131% of quota.'),
          h2('Track record'),
          bold('Harrowgate Analytics'),
          p('Senior Account Executive, Jan 2022 – Present'),
          bullet('Own a territory of 140 mid-market accounts across the North of England.'),
          bullet('Negotiated multi-year renewals with procurement and finance directors.'),
          bold('Kestrel Payroll Services'),
          p('Business Development Representative, Jun 2019 – Dec 2021'),
          bullet('Booked 25 qualified meetings a month from cold outreach.'),
          h2('What I work with'),
          p('Tools: Salesforce, Gong, LinkedIn Sales Navigator, Excel'),
          p('Methods: MEDDIC, territory planning, forecasting, negotiation'),
          h2('Education'),
          p('BA Business Management, Leeds Beckett University, 2019'),
        ],
      },
    ],
  });
  const positions = [
    { title: 'Senior Account Executive', employer: 'Harrowgate Analytics', start: '2022-01', end: 'present' },
    { title: 'Business Development Representative', employer: 'Kestrel Payroll Services', start: '2019-06', end: '2021-12' },
  ];
  return [
    await Packer.toBuffer(doc),
    expected({
      file: 'docx-sales-footer-contacts.docx',
      name: 'Leon Brandt',
      email: 'leon.brandt@example.com',
      phone: '+44 113 496 0789',
      location: 'Leeds, UK',
      skills: ['CRM', 'Gong', 'LinkedIn Sales Navigator', 'Excel', 'MEDDIC', 'Territory planning', 'Forecasting', 'Negotiation'],
      positions,
      education: [{ degree: 'BA Business Management', institution: 'Leeds Beckett University', year: 2019 }],
      mustNotHaveSkills: ['Tools', 'Methods', 'What I work with', 'Leeds', 'In short', 'Track record'],
    }),
  ];
}

/** A "Say hello" contact block at the end with the city; skills as a "Toolbox" table. */
async function teacherSayHello(): Promise<[Buffer, Expected]> {
  const data = await pdf((doc) => {
    const width = doc.page.width - 96;
    doc.font('Helvetica-Bold').fontSize(24).text('Noor Haddad');
    doc.font('Helvetica').fontSize(12).fillColor('#555555').text('Primary school teacher, KS1 and KS2').fillColor('#111111');
    const section = (title: string) => {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#0b6e4f').text(title).fillColor('#111111').moveDown(0.2);
      doc.font('Helvetica').fontSize(10.5);
    };
    section('Where I have taught');
    doc.font('Helvetica-Bold').text('Year 2 Class Teacher · Redland Green Primary School');
    doc.font('Helvetica').text('Sept 2019 – Present');
    doc.text('• Teach a class of 30 and lead phonics for Key Stage 1.', { width });
    doc.text('• Planned and taught a cross-curricular science unit adopted by the whole year group.', { width });
    doc.moveDown(0.3).font('Helvetica-Bold').text('Teaching Assistant · St Werburgh’s Primary School');
    doc.font('Helvetica').text('Sept 2016 – July 2018');
    doc.text('• Supported pupils with SEND in small reading groups.', { width });
    section('Toolbox');
    const rows = [
      ['Area', 'Tools & methods'],
      ['Planning', 'Lesson planning, differentiation'],
      ['Assessment', 'Formative assessment, phonics screening'],
      ['Classroom', 'Behaviour management, safeguarding'],
      ['Digital', 'Google Classroom, Seesaw'],
    ];
    for (const [i, [area, tools]] of rows.entries()) {
      const y = doc.y;
      doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').text(area!, 48, y, { width: 120 });
      doc.text(tools!, 180, y, { width: width - 132 });
    }
    section('Education');
    doc.text('PGCE Primary Education, University of the West of England, 2019', 48, doc.y);
    doc.text('BA Childhood Studies, Bath Spa University, 2016');
    section('Say hello');
    doc.text('Bristol, UK');
    doc.text('noor.haddad@example.org');
    doc.text('07700 900512');
  });
  const positions = [
    { title: 'Year 2 Class Teacher', employer: 'Redland Green Primary School', start: '2019-09', end: 'present' },
    { title: 'Teaching Assistant', employer: 'St Werburgh’s Primary School', start: '2016-09', end: '2018-07' },
  ];
  return [
    data,
    expected({
      file: 'pdf-teacher-say-hello.pdf',
      name: 'Noor Haddad',
      email: 'noor.haddad@example.org',
      phone: '07700 900512',
      location: 'Bristol, UK',
      skills: [
        'Lesson planning',
        'Differentiation',
        'Formative assessment',
        'Phonics screening',
        'Behaviour management',
        'Safeguarding',
        'Google Classroom',
        'Seesaw',
      ],
      positions,
      education: [
        { degree: 'PGCE Primary Education', institution: 'University of the West of England', year: 2019 },
        { degree: 'BA Childhood Studies', institution: 'Bath Spa University', year: 2016 },
      ],
      mustNotHaveSkills: [
        'Area',
        'Tools & methods',
        'Planning',
        'Assessment',
        'Classroom',
        'Digital',
        'Say hello',
        'Bristol',
        'Bristol, UK',
        'Toolbox',
      ],
    }),
  ];
}

/** A one-page scan: the page is a picture of text, nothing is selectable. */
async function warehouseScan(): Promise<[Buffer, Expected]> {
  const text = await pdf((doc) => {
    doc.font('Helvetica-Bold').fontSize(20).text('Tomasz Wierzbicki');
    doc.font('Helvetica').fontSize(11).text('Warehouse Supervisor  |  Coventry, UK  |  tomasz.w@example.com  |  +44 24 7696 0133');
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text('EXPERIENCE');
    doc.font('Helvetica-Bold').fontSize(11).text('Shift Supervisor, Meridian Parcel Hub, 2020 - Present');
    doc.font('Helvetica').text('- Lead a night shift of 22 pickers and packers; 99.2% order accuracy.');
    doc.text('- Trained new starters in forklift safety and stock control.');
    doc.font('Helvetica-Bold').text('Warehouse Operative, Brindley Foods, 2016 - 2020');
    doc.font('Helvetica').text('- Picked, packed and loaded chilled orders for supermarket deliveries.');
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text('SKILLS');
    doc.font('Helvetica').fontSize(11).text('Stock control, Forklift operation, Health and safety, Team leadership, Excel');
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text('EDUCATION');
    doc.font('Helvetica').fontSize(11).text('Level 3 Diploma in Warehousing, Coventry College, 2016');
  });
  const positions = [
    { title: 'Shift Supervisor', employer: 'Meridian Parcel Hub', start: '2020', end: 'present' },
    { title: 'Warehouse Operative', employer: 'Brindley Foods', start: '2016', end: '2020' },
  ];
  return [
    await scanOf(text, 150),
    {
      ...expected({
        file: 'pdf-scan-warehouse-supervisor.pdf',
        name: 'Tomasz Wierzbicki',
        email: 'tomasz.w@example.com',
        phone: '+44 24 7696 0133',
        location: 'Coventry, UK',
        skills: ['Stock control', 'Forklift operation', 'Health and safety', 'Leadership', 'Excel'],
        positions,
        education: [{ degree: 'Level 3 Diploma in Warehousing', institution: 'Coventry College', year: 2016 }],
        mustNotHaveSkills: ['Coventry'],
      }),
      flags: { hiddenText: false, injection: false, noTextLayer: true },
      ocr: true,
    },
  ];
}

/** A career changer's plain text: "What I work with", "Say hi" with a city, a markdown table. */
function uxCareerChanger(): [string, Expected] {
  const text = [
    'Inês Carvalho',
    'Junior UX designer (formerly a barista and shift lead)',
    '',
    'WHAT I WORK WITH',
    '| Category | Level | Where I learned |',
    '|---|---|---|',
    '| Figma | Confident | Ironhack bootcamp |',
    '| Usability testing | Confident | Ironhack bootcamp |',
    '| Wireframing | Advanced | Self-taught |',
    '| Accessibility | Learning | Online course |',
    '',
    'WORK',
    'UX Design Intern — Atelier Norte, Porto (Feb 2024 – Aug 2024)',
    '  * Redesigned the booking flow of a clinic app; drop-off fell by a fifth.',
    '  * Ran eight moderated usability sessions and wrote up what we learned.',
    'Shift Lead — Café Ribeira, Porto (Mar 2019 – Jan 2024)',
    '  * Trained new baristas and handled the rota for a team of nine.',
    '',
    'STUDY',
    'UX/UI Design Bootcamp, Ironhack Lisbon, 2023',
    '',
    'SAY HI',
    'Porto, Portugal',
    'ines.carvalho@example.pt · +351 912 345 678',
    'behance.net/inescarvalho',
    '',
  ].join('\n');
  const positions = [
    { title: 'UX Design Intern', employer: 'Atelier Norte', start: '2024-02', end: '2024-08' },
    { title: 'Shift Lead', employer: 'Café Ribeira', start: '2019-03', end: '2024-01' },
  ];
  return [
    text,
    expected({
      file: 'txt-ux-career-changer.txt',
      name: 'Inês Carvalho',
      email: 'ines.carvalho@example.pt',
      phone: '+351 912 345 678',
      location: 'Porto, Portugal',
      skills: ['Figma', 'UX Design', 'Prototyping', 'Accessibility'],
      positions,
      education: [{ degree: 'UX/UI Design Bootcamp', institution: 'Ironhack Lisbon', year: 2023 }],
      mustNotHaveSkills: [
        'Category',
        'Level',
        'Where I learned',
        'Confident',
        'Learning',
        'Self-taught',
        'Online course',
        'Porto',
        'Say hi',
      ],
    }),
  ];
}

/** Skills as a grid with a header row, contact labels inline, a "Based in" line. */
async function accountantGrid(): Promise<[Buffer, Expected]> {
  const doc = new Document({
    creator: 'Panelist fixtures',
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Fiona MacLeod ACCA', bold: true, size: 36 })] }),
          p('Management Accountant'),
          p('Email: fiona.macleod@example.co.uk   Mobile: 07700 900733'),
          p('Based in Glasgow'),
          h2('Core skills'),
          table(
            ['Skill', 'Level', 'Years'],
            [
              ['Management accounts', 'Expert', '8'],
              ['Budgeting', 'Expert', '8'],
              ['Variance analysis', 'Advanced', '6'],
              ['Xero', 'Advanced', '5'],
              ['Power BI', 'Intermediate', '2'],
            ],
          ),
          h2('Employment'),
          p('Clydeside Housing Association | Management Accountant | Apr 2020 – Present'),
          bullet('Produce monthly management accounts for a £40M turnover group.'),
          bullet('Built a Power BI cash-flow dashboard for the board.'),
          p('Albion & Reid Chartered Accountants | Accounts Senior | Sep 2017 – Mar 2020'),
          bullet('Prepared year-end accounts and VAT returns for 60 small clients.'),
          h2('Qualifications'),
          p('ACCA, Association of Chartered Certified Accountants, 2019'),
          p('MA (Hons) Accountancy, University of Glasgow, 2017'),
        ],
      },
    ],
  });
  const positions = [
    { title: 'Management Accountant', employer: 'Clydeside Housing Association', start: '2020-04', end: 'present' },
    { title: 'Accounts Senior', employer: 'Albion & Reid Chartered Accountants', start: '2017-09', end: '2020-03' },
  ];
  return [
    await Packer.toBuffer(doc),
    expected({
      file: 'docx-accountant-skills-grid.docx',
      name: 'Fiona MacLeod',
      email: 'fiona.macleod@example.co.uk',
      phone: '07700 900733',
      location: null,
      skills: ['Management accounts', 'Budgeting', 'Variance analysis', 'Xero', 'Power BI'],
      positions,
      education: [
        { degree: 'ACCA', institution: 'Association of Chartered Certified Accountants', year: 2019 },
        { degree: 'MA (Hons) Accountancy', institution: 'University of Glasgow', year: 2017 },
      ],
      mustNotHaveSkills: [
        'Skill',
        'Level',
        'Years',
        'Expert',
        'Advanced',
        'Intermediate',
        'Glasgow',
        'Based in Glasgow',
        'Email',
        'Mobile',
      ],
    }),
  ];
}

/** A tradesman's PDF: "Kit I use:" and "Tickets:" labels, "Where I learned" for schooling. */
async function electricianLabels(): Promise<[Buffer, Expected]> {
  const data = await pdf((doc) => {
    doc.font('Times-Bold').fontSize(22).text('Callum Reid', { align: 'center' });
    doc.font('Times-Roman').fontSize(11).text('Approved Electrician', { align: 'center' });
    doc.text('callum.reid.sparks@example.com  ·  +44 7700 900264  ·  Aberdeen', { align: 'center' });
    const head = (t: string) => doc.moveDown(0.8).font('Times-Bold').fontSize(13).text(t).font('Times-Roman').fontSize(11);
    head('Jobs');
    doc.font('Times-Bold').text('Approved Electrician — Granite City Electrical (2019 – present)');
    doc.font('Times-Roman').text('Rewires, consumer unit upgrades and EV charger installs for domestic customers.');
    doc.text('Mentored two apprentices through their AM2 assessment.');
    doc.font('Times-Bold').text('Apprentice Electrician — Dee Valley Contractors (2015 – 2019)');
    doc.font('Times-Roman').text('Commercial fit-outs, containment and fault finding.');
    head('Trade');
    doc.text('Kit I use: Megger MFT, thermal camera, AutoCAD Electrical');
    doc.text('Tickets: 18th Edition, PASMA, IPAF');
    doc.text('Good at: fault finding, inspection and testing, EV charger installation');
    head('Where I learned');
    doc.text('SVQ Level 3 Electrical Installation, North East Scotland College, 2019');
  });
  const positions = [
    { title: 'Approved Electrician', employer: 'Granite City Electrical', start: '2019', end: 'present' },
    { title: 'Apprentice Electrician', employer: 'Dee Valley Contractors', start: '2015', end: '2019' },
  ];
  return [
    data,
    expected({
      file: 'pdf-electrician-labels.pdf',
      name: 'Callum Reid',
      email: 'callum.reid.sparks@example.com',
      phone: '+44 7700 900264',
      location: null,
      skills: [
        'Megger MFT',
        'Thermal camera',
        'AutoCAD Electrical',
        '18th Edition',
        'PASMA',
        'IPAF',
        'Fault finding',
        'Inspection and testing',
        'EV charger installation',
        'Mentoring',
      ],
      positions,
      education: [{ degree: 'SVQ Level 3 Electrical Installation', institution: 'North East Scotland College', year: 2019 }],
      mustNotHaveSkills: ['Kit I use', 'Tickets', 'Good at', 'Where I learned', 'Aberdeen', 'Trade', 'Jobs'],
    }),
  ];
}

/** A sales manager with skills in a two-column grid under "Strengths" and a "Get in touch" block. */
async function retailManagerGetInTouch(): Promise<[Buffer, Expected]> {
  const data = await pdf((doc) => {
    doc.font('Helvetica-Bold').fontSize(20).text('Priyanka Desai');
    doc.font('Helvetica').fontSize(11).text('Retail Store Manager');
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text('Career');
    doc.font('Helvetica-Bold').fontSize(10.5).text('Store Manager, Larkspur Home & Garden');
    doc.font('Helvetica').text('05/2021 – now  ·  Reading');
    doc.text('Grew like-for-like sales 12% and cut staff turnover by a third.');
    doc.font('Helvetica-Bold').text('Assistant Store Manager, Quayside Outdoor');
    doc.font('Helvetica').text('08/2017 – 04/2021  ·  Southampton');
    doc.text('Ran stock counts and visual merchandising for a 9,000 sq ft store.');
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text('Strengths');
    const grid = [
      ['Category', 'Strength'],
      ['Commercial', 'P&L management, visual merchandising'],
      ['People', 'Recruitment, coaching, rota planning'],
      ['Customer', 'Customer service, complaint handling'],
    ];
    doc.font('Helvetica').fontSize(10.5);
    for (const [a, b] of grid) {
      const y = doc.y;
      doc.text(a!, 48, y, { width: 110 });
      doc.text(b!, 170, y, { width: 350 });
    }
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text('Education', 48);
    doc.font('Helvetica').fontSize(10.5).text('BSc Retail Management, Southampton Solent University, 2017');
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text('Get in touch');
    doc.font('Helvetica').fontSize(10.5).text('Reading, Berkshire');
    doc.text('Phone: 0118 496 0321');
    doc.text('priyanka.desai@example.com');
  });
  const positions = [
    { title: 'Store Manager', employer: 'Larkspur Home & Garden', start: '2021-05', end: 'present' },
    { title: 'Assistant Store Manager', employer: 'Quayside Outdoor', start: '2017-08', end: '2021-04' },
  ];
  return [
    data,
    expected({
      file: 'pdf-retail-manager-get-in-touch.pdf',
      name: 'Priyanka Desai',
      email: 'priyanka.desai@example.com',
      phone: '0118 496 0321',
      location: 'Reading, Berkshire',
      skills: [
        'P&L management',
        'Visual merchandising',
        'Recruitment',
        'Coaching',
        'Rota planning',
        'Customer Focus',
        'Complaint handling',
      ],
      positions,
      education: [{ degree: 'BSc Retail Management', institution: 'Southampton Solent University', year: 2017 }],
      mustNotHaveSkills: ['Category', 'Strength', 'Commercial', 'People', 'Customer', 'Reading', 'Southampton', 'Get in touch', 'Phone'],
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Job descriptions

const JOBS: [string, string, ExpectedJob][] = [
  [
    'jd-payments-backend.txt',
    [
      'Backend Engineer, Payments',
      '',
      'Hiring manager: Dana Whitfield. Hiring process: a 30-minute call, a take-home, a final loop.',
      '',
      'Our Payments team owns card acceptance end to end for 40,000 merchants.',
      '',
      'What you will do',
      '- Build and run services in Java and Kotlin on AWS.',
      '- Own the ledger from design to on-call.',
      '',
      'What you bring',
      '- 4+ years building backend services in Java.',
      '- PostgreSQL and Kafka in production.',
      '- Comfortable with on-call and writing postmortems.',
      '',
      'Nice to have: Terraform, experience with PCI DSS.',
    ].join('\n'),
    {
      file: 'jd-payments-backend.txt',
      skills: ['Java', 'Kotlin', 'AWS', 'PostgreSQL', 'Apache Kafka', 'Terraform', 'Security Compliance', 'Incident Management'],
      mustNotHaveSkills: ['Hiring', 'Payments'],
      mustNotBeKeywords: ['end', 'to', 'a', 'the', 'from'],
    },
  ],
  [
    'jd-ward-nurse.txt',
    [
      'Staff Nurse — Acute Medical Unit (Band 5)',
      '',
      'We are hiring compassionate nurses for our 28-bed unit. The unit works end to end with the emergency department.',
      '',
      'You will need:',
      '• NMC registration',
      '• Experience with IV therapy and wound care',
      '• Good communication and teamwork under pressure',
      '',
      'Desirable: mentoring students, experience with EMIS.',
    ].join('\n'),
    {
      file: 'jd-ward-nurse.txt',
      skills: ['IV therapy', 'Wound care', 'Communication', 'Teamwork', 'Mentoring', 'EMIS', 'NMC registration'],
      mustNotHaveSkills: ['Hiring', 'Resilience'],
      mustNotBeKeywords: ['end', 'to', 'with', 'our'],
    },
  ],
  [
    'jd-account-executive.txt',
    [
      'Account Executive (Mid-Market) — Harbourline',
      '',
      'Harbourline builds payments software for restaurants. We are hiring our third AE in the UK.',
      '',
      'Requirements',
      '* 2+ years closing new business in B2B SaaS',
      '* Salesforce hygiene and accurate forecasting',
      '* Strong negotiation and presentation skills',
      '',
      'Bonus points: experience selling to hospitality, MEDDIC.',
    ].join('\n'),
    {
      file: 'jd-account-executive.txt',
      skills: ['CRM', 'Forecasting', 'Negotiation', 'Presentation Skills', 'MEDDIC', 'SaaS'],
      mustNotHaveSkills: ['Hiring', 'Payments'],
      mustNotBeKeywords: ['our', 'third', 'to', 'in'],
    },
  ],
  [
    'jd-primary-teacher.txt',
    [
      'KS1 Class Teacher, September start',
      '',
      'Redbrook Primary is a two-form entry school. The hiring panel includes our head and a governor.',
      '',
      'The successful teacher will have:',
      '- QTS',
      '- Secure knowledge of phonics and early reading',
      '- Strong behaviour management and lesson planning',
      '- A commitment to safeguarding',
      '',
      'Experience with Google Classroom would be a plus.',
    ].join('\n'),
    {
      file: 'jd-primary-teacher.txt',
      skills: ['QTS', 'Phonics', 'Behaviour management', 'Lesson planning', 'Safeguarding', 'Google Classroom'],
      mustNotHaveSkills: ['Hiring'],
      mustNotBeKeywords: ['our', 'two', 'a', 'and'],
    },
  ],
];

export async function writeOutsideFixtures(root: string): Promise<void> {
  const out = join(root, 'outside');
  mkdirSync(join(out, 'jobs'), { recursive: true });
  const write = (name: string, data: Buffer | string, exp: object) => {
    writeFileSync(join(out, name), data);
    writeFileSync(join(out, `${name.replace(/\.[a-z]+$/, '')}.expected.json`), `${JSON.stringify(exp, null, 2)}\n`);
  };
  for (const make of [
    nurseHeaderContacts,
    salesFooterContacts,
    teacherSayHello,
    warehouseScan,
    accountantGrid,
    electricianLabels,
    retailManagerGetInTouch,
  ]) {
    const [data, exp] = await make();
    write(exp.file, data, exp);
  }
  const [ux, uxExpected] = uxCareerChanger();
  write(uxExpected.file, ux, uxExpected);
  for (const [file, text, exp] of JOBS) {
    writeFileSync(join(out, 'jobs', file), `${text}\n`);
    writeFileSync(join(out, 'jobs', file.replace(/\.txt$/, '.expected.json')), `${JSON.stringify(exp, null, 2)}\n`);
  }
}
