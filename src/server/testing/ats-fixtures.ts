import type { ParsedResume } from '../../contract/resumes.js';
import type { AtsJob } from '../../core/ats/analyze-resume.js';

/** One job and resumes of known fit, for tests of the ATS analysis. */
export const BACKEND_JOB: AtsJob = {
  id: null,
  title: 'Senior Backend Engineer',
  level: 'senior',
  text: `Senior Backend Engineer, Payments

We build the payment platform that thousands of online merchants rely on. You will design and run
the services that authorize, settle and reconcile card payments, and keep them reliable under load.

Requirements:
- 5+ years of professional experience building backend services
- Strong Go or Java, and PostgreSQL
- Experience running services on Kubernetes and Docker in production
- You care about reliability: monitoring, incident response and on-call
- Bachelor's degree in Computer Science or equivalent experience

Nice to have:
- Apache Kafka
- Terraform
- Experience with payment systems, settlement or reconciliation`,
  requiredSkills: ['Go', 'Java', 'PostgreSQL', 'Kubernetes', 'Docker'],
  niceToHaveSkills: ['Apache Kafka', 'Terraform'],
  requiredYears: 5,
};

export interface ResumeCase {
  label: string;
  parsed: ParsedResume;
  text: string;
}

const base: ParsedResume = {
  name: null,
  email: null,
  phone: null,
  location: null,
  links: [],
  skills: [],
  yearsOfExperience: null,
  positions: [],
  education: [],
  sections: [],
};

export const STRONG: ResumeCase = {
  label: 'strong',
  parsed: {
    ...base,
    name: 'Dana Reyes',
    email: 'dana.reyes@example.com',
    phone: '+1 415 555 0134',
    location: 'San Francisco, CA',
    skills: ['Go', 'Java', 'PostgreSQL', 'Kubernetes', 'Docker', 'Kafka', 'Terraform', 'Prometheus'],
    positions: [
      { title: 'Staff Backend Engineer', employer: 'Northwind Payments', start: '2019-02', end: 'present' },
      { title: 'Backend Engineer', employer: 'Contoso Bank', start: '2015-06', end: '2019-01' },
    ],
    education: [{ degree: 'BSc Computer Science', institution: 'University of Washington', year: 2015 }],
    sections: ['contact', 'summary', 'experience', 'skills', 'education'],
  },
  text: `Dana Reyes
dana.reyes@example.com | +1 415 555 0134 | San Francisco, CA

Summary
Backend engineer with ten years of experience building payment services in Go and Java.

Experience
Staff Backend Engineer, Northwind Payments (Feb 2019 – present)
- Designed the card authorization and settlement services in Go on PostgreSQL, handling 4,000 payments per second.
- Moved 40 services to Kubernetes and Docker; wrote the Terraform modules for every environment.
- Built the reconciliation pipeline on Apache Kafka that matches settlement files with ledger entries.
- Led incident response and the on-call rotation; added monitoring and alerting with Prometheus, cutting outages by half.

Backend Engineer, Contoso Bank (Jun 2015 – Jan 2019)
- Built Java services for merchant onboarding and payment reporting on PostgreSQL.
- Improved reliability of the payment gateway under load with better retries and timeouts.

Skills
Go, Java, PostgreSQL, Kubernetes, Docker, Kafka, Terraform, Prometheus

Education
BSc Computer Science, University of Washington, 2015`,
};

export const GOOD: ResumeCase = {
  label: 'good',
  parsed: {
    ...base,
    name: 'Sam Okafor',
    email: 'sam.okafor@example.com',
    phone: '+44 20 7946 0958',
    skills: ['Java', 'PostgreSQL', 'Docker', 'Spring'],
    positions: [
      { title: 'Senior Software Engineer', employer: 'Fabrikam Retail', start: '2020-03', end: 'present' },
      { title: 'Software Engineer', employer: 'Tailspin Travel', start: '2017-09', end: '2020-02' },
    ],
    education: [{ degree: 'BSc Software Engineering', institution: 'University of Leeds', year: 2017 }],
    sections: ['contact', 'experience', 'skills', 'education'],
  },
  text: `Sam Okafor
sam.okafor@example.com · +44 20 7946 0958

Experience
Senior Software Engineer — Fabrikam Retail (Mar 2020 – present)
- Built the checkout and payment services in Java with Spring on PostgreSQL.
- Packaged services with Docker and improved monitoring of the order pipeline.
- Took part in the on-call rotation and incident reviews.

Software Engineer — Tailspin Travel (Sep 2017 – Feb 2020)
- Wrote Java services for booking and invoicing; tuned PostgreSQL queries.

Skills
Java, Spring, PostgreSQL, Docker

Education
BSc Software Engineering, University of Leeds, 2017`,
};

export const PARTIAL: ResumeCase = {
  label: 'partial',
  parsed: {
    ...base,
    name: 'Priya Nair',
    email: 'priya.nair@example.com',
    phone: null,
    skills: ['Python', 'Django', 'MySQL', 'AWS'],
    positions: [{ title: 'Software Developer', employer: 'Litware Media', start: '2022-01', end: 'present' }],
    education: [{ degree: 'BSc Physics', institution: 'University of Toronto', year: 2021 }],
    sections: ['contact', 'experience', 'skills', 'education'],
  },
  text: `Priya Nair
priya.nair@example.com

Experience
Software Developer, Litware Media (Jan 2022 – present)
- Built content APIs in Python and Django on MySQL, deployed on AWS.
- Wrote tests and fixed bugs reported by editors.

Skills
Python, Django, MySQL, AWS

Education
BSc Physics, University of Toronto, 2021`,
};

export const UNRELATED: ResumeCase = {
  label: 'unrelated',
  parsed: {
    ...base,
    name: 'Chris Lee',
    email: null,
    phone: '+1 212 555 0199',
    skills: ['Adobe Photoshop', 'Illustrator', 'Customer service'],
    positions: [{ title: 'Barista', employer: 'Blue Door Cafe', start: '2021-05', end: 'present' }],
    education: [{ degree: 'High School Diploma', institution: 'Lincoln High School', year: 2020 }],
    sections: ['experience', 'education'],
  },
  text: `Chris Lee
+1 212 555 0199

Experience
Barista, Blue Door Cafe (May 2021 – present)
- Prepared drinks and served customers during busy morning shifts.
- Designed the cafe's menu boards and posters in Photoshop and Illustrator.

Education
High School Diploma, Lincoln High School, 2020`,
};

/** As a recruiter would rank them for BACKEND_JOB, best first. */
export const RANKED = [STRONG, GOOD, PARTIAL, UNRELATED];
