import { defineSql, insert } from './define.js';

const SHOP = `CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, city text);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id), placed_on date NOT NULL, total numeric(10, 2) NOT NULL);`;
const customers = (rows: unknown[][]) => insert('customers', 'id, name, city', rows);
const orders = (rows: unknown[][]) => insert('orders', 'id, customer_id, placed_on, total', rows);

const STAFF = `CREATE TABLE employees (id int PRIMARY KEY, name text NOT NULL, team text NOT NULL, salary int NOT NULL, manager_id int);`;
const employees = (rows: unknown[][]) => insert('employees', 'id, name, team, salary, manager_id', rows);

export const sqlProblems = [
  defineSql({
    slug: 'customers-who-never-ordered',
    title: 'Customers who never ordered',
    difficulty: 'easy',
    statement: 'Return the `name` of every customer who has placed no order.',
    schema: SHOP,
    ordered: false,
    examples: [
      [customers([[1, 'Ada', 'Leeds'], [2, 'Bo', 'York'], [3, 'Cy', 'Leeds']]) + orders([[10, 1, '2024-03-01', 20]]), [['Bo'], ['Cy']]],
      [customers([[1, 'Ada', 'Leeds']]) + orders([[10, 1, '2024-03-01', 5], [11, 1, '2024-03-02', 7]]), []],
    ],
    tests: [
      ['No customers', '', []],
      ['Nobody ordered', customers([[1, 'Ada', null], [2, 'Bo', null]]), [['Ada'], ['Bo']]],
      ['Everybody ordered', customers([[1, 'Ada', 'Leeds'], [2, 'Bo', 'York']]) + orders([[1, 2, '2024-01-01', 1], [2, 1, '2024-01-01', 1]]), []],
      ['Two customers with one name', customers([[1, 'Sam', 'Leeds'], [2, 'Sam', 'York']]) + orders([[1, 1, '2024-01-01', 3]]), [['Sam']]],
      ['Many orders, one customer', customers([[1, 'Ada', 'Leeds'], [2, 'Bo', 'Hull']]) + orders([[1, 1, '2024-01-01', 3], [2, 1, '2024-01-02', 4], [3, 1, '2024-01-03', 5]]), [['Bo']]],
      ['A city left empty', customers([[1, 'Ada', null], [2, 'Bo', 'York']]) + orders([[1, 2, '2024-01-01', 3]]), [['Ada']]],
    ],
    solution: `SELECT c.name
FROM customers c
WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)`,
  }),

  defineSql({
    slug: 'revenue-by-city',
    title: 'Revenue by city',
    difficulty: 'easy',
    statement:
      'For every city with at least one order, return `city` and `revenue`, the sum of the totals of orders placed by its customers. Sort by revenue, highest first; cities with equal revenue alphabetically. Customers without a city are left out.',
    schema: SHOP,
    ordered: true,
    examples: [
      [
        customers([[1, 'Ada', 'Leeds'], [2, 'Bo', 'York'], [3, 'Cy', 'Leeds']]) +
          orders([[1, 1, '2024-03-01', 20], [2, 2, '2024-03-02', 35.5], [3, 3, '2024-03-03', 10]]),
        [['York', 35.5], ['Leeds', 30]],
      ],
      [customers([[1, 'Ada', 'Leeds']]), []],
    ],
    tests: [
      ['No orders at all', customers([[1, 'Ada', 'Leeds'], [2, 'Bo', 'York']]), []],
      ['Ties sorted by name', customers([[1, 'Ada', 'York'], [2, 'Bo', 'Bath']]) + orders([[1, 1, '2024-01-01', 9], [2, 2, '2024-01-02', 9]]), [['Bath', 9], ['York', 9]]],
      ['No city', customers([[1, 'Ada', null], [2, 'Bo', 'Ely']]) + orders([[1, 1, '2024-01-01', 50], [2, 2, '2024-01-01', 1]]), [['Ely', 1]]],
      ['A city without orders is left out', customers([[1, 'Ada', 'Ely'], [2, 'Bo', 'Hull']]) + orders([[1, 1, '2024-01-01', 2.25]]), [['Ely', 2.25]]],
      ['Cents add up', customers([[1, 'Ada', 'Ely']]) + orders([[1, 1, '2024-01-01', 0.1], [2, 1, '2024-01-02', 0.2]]), [['Ely', 0.3]]],
      ['Three cities', customers([[1, 'A', 'X'], [2, 'B', 'Y'], [3, 'C', 'Z']]) + orders([[1, 1, '2024-01-01', 5], [2, 2, '2024-01-01', 7], [3, 3, '2024-01-01', 6]]), [['Y', 7], ['Z', 6], ['X', 5]]],
    ],
    solution: `SELECT c.city, SUM(o.total) AS revenue
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE c.city IS NOT NULL
GROUP BY c.city
ORDER BY revenue DESC, c.city`,
  }),

  defineSql({
    slug: 'first-order-of-each-customer',
    title: 'First order of each customer',
    difficulty: 'medium',
    statement:
      "For every customer who ordered, return `name`, the date of their first order `placed_on` and that order's `total`. When a customer placed several orders on their first day, take the one with the smallest `id`.",
    schema: SHOP,
    ordered: false,
    examples: [
      [
        customers([[1, 'Ada', 'Leeds'], [2, 'Bo', 'York']]) +
          orders([[1, 1, '2024-03-05', 20], [2, 1, '2024-03-01', 12], [3, 2, '2024-04-01', 8]]),
        [['Ada', '2024-03-01', 12], ['Bo', '2024-04-01', 8]],
      ],
      [customers([[1, 'Ada', 'Leeds']]), []],
    ],
    tests: [
      ['Same day, smaller id wins', customers([[1, 'Ada', null]]) + orders([[7, 1, '2024-01-01', 3], [5, 1, '2024-01-01', 9]]), [['Ada', '2024-01-01', 9]]],
      ['One order', customers([[1, 'Ada', null]]) + orders([[1, 1, '2023-12-31', 1.5]]), [['Ada', '2023-12-31', 1.5]]],
      ['Customer without orders is left out', customers([[1, 'Ada', null], [2, 'Bo', null]]) + orders([[1, 2, '2024-02-02', 4]]), [['Bo', '2024-02-02', 4]]],
      ['Later orders with smaller ids', customers([[1, 'Ada', null]]) + orders([[1, 1, '2024-05-01', 1], [2, 1, '2024-04-01', 2]]), [['Ada', '2024-04-01', 2]]],
      ['Two customers, same name', customers([[1, 'Sam', null], [2, 'Sam', null]]) + orders([[1, 1, '2024-01-01', 1], [2, 2, '2024-01-02', 2]]), [['Sam', '2024-01-01', 1], ['Sam', '2024-01-02', 2]]],
      ['Across a year', customers([[1, 'Ada', null]]) + orders([[1, 1, '2025-01-01', 5], [2, 1, '2024-12-31', 6]]), [['Ada', '2024-12-31', 6]]],
    ],
    solution: `SELECT DISTINCT ON (c.id) c.name, o.placed_on, o.total
FROM customers c JOIN orders o ON o.customer_id = c.id
ORDER BY c.id, o.placed_on, o.id`,
  }),

  defineSql({
    slug: 'second-highest-pay-per-team',
    title: 'Second-highest pay per team',
    difficulty: 'medium',
    statement:
      'For every team, return `team` and the second-highest distinct salary in it. Teams with fewer than two distinct salaries are left out.',
    schema: STAFF,
    ordered: false,
    examples: [
      [employees([[1, 'Ada', 'core', 100, null], [2, 'Bo', 'core', 90, 1], [3, 'Cy', 'web', 80, 1], [4, 'Di', 'core', 100, 1]]), [['core', 90]]],
      [employees([[1, 'Ada', 'web', 70, null], [2, 'Bo', 'web', 70, 1]]), [], 'Only one distinct salary.'],
    ],
    tests: [
      ['No employees', '', []],
      ['Two teams', employees([[1, 'A', 'x', 5, null], [2, 'B', 'x', 3, 1], [3, 'C', 'y', 9, 1], [4, 'D', 'y', 8, 1], [5, 'E', 'y', 7, 1]]), [['x', 3], ['y', 8]]],
      ['Ties at the top', employees([[1, 'A', 'x', 5, null], [2, 'B', 'x', 5, 1], [3, 'C', 'x', 4, 1]]), [['x', 4]]],
      ['Ties in second place', employees([[1, 'A', 'x', 9, null], [2, 'B', 'x', 4, 1], [3, 'C', 'x', 4, 1]]), [['x', 4]]],
      ['One person', employees([[1, 'A', 'x', 9, null]]), []],
      ['Two people', employees([[1, 'A', 'x', 1, null], [2, 'B', 'x', 2, 1]]), [['x', 1]]],
    ],
    solution: `SELECT team, salary
FROM (SELECT team, salary, DENSE_RANK() OVER (PARTITION BY team ORDER BY salary DESC) AS place
      FROM (SELECT DISTINCT team, salary FROM employees) s) ranked
WHERE place = 2`,
  }),

  defineSql({
    slug: 'managers-with-big-teams',
    title: 'Managers with big teams',
    difficulty: 'easy',
    statement:
      'Return the `name` of every employee who has at least three direct reports (employees whose `manager_id` is theirs) and the number of those reports as `reports`. Sort by reports, most first, then by name.',
    schema: STAFF,
    ordered: true,
    examples: [
      [employees([[1, 'Ada', 'x', 9, null], [2, 'Bo', 'x', 5, 1], [3, 'Cy', 'x', 5, 1], [4, 'Di', 'x', 5, 1], [5, 'Ed', 'x', 5, 2]]), [['Ada', 3]]],
      [employees([[1, 'Ada', 'x', 9, null], [2, 'Bo', 'x', 5, 1]]), []],
    ],
    tests: [
      ['No employees', '', []],
      ['Exactly three', employees([[1, 'M', 'x', 9, null], [2, 'A', 'x', 1, 1], [3, 'B', 'x', 1, 1], [4, 'C', 'x', 1, 1]]), [['M', 3]]],
      ['Indirect reports do not count', employees([[1, 'M', 'x', 9, null], [2, 'A', 'x', 1, 1], [3, 'B', 'x', 1, 2], [4, 'C', 'x', 1, 3], [5, 'D', 'x', 1, 4]]), []],
      [
        'Two managers, sorted',
        employees([[1, 'Zed', 'x', 9, null], [2, 'Amy', 'x', 9, null], [3, 'a', 'x', 1, 1], [4, 'b', 'x', 1, 1], [5, 'c', 'x', 1, 1], [6, 'd', 'x', 1, 2], [7, 'e', 'x', 1, 2], [8, 'f', 'x', 1, 2], [9, 'g', 'x', 1, 2]]),
        [['Amy', 4], ['Zed', 3]],
      ],
      [
        'Equal counts by name',
        employees([[1, 'Zed', 'x', 9, null], [2, 'Amy', 'x', 9, null], [3, 'a', 'x', 1, 1], [4, 'b', 'x', 1, 1], [5, 'c', 'x', 1, 1], [6, 'd', 'x', 1, 2], [7, 'e', 'x', 1, 2], [8, 'f', 'x', 1, 2]]),
        [['Amy', 3], ['Zed', 3]],
      ],
      ['Someone managing themself is counted once', employees([[1, 'M', 'x', 9, 1], [2, 'A', 'x', 1, 1], [3, 'B', 'x', 1, 1]]), [['M', 3]]],
    ],
    solution: `SELECT m.name, COUNT(*) AS reports
FROM employees e JOIN employees m ON m.id = e.manager_id
GROUP BY m.id, m.name
HAVING COUNT(*) >= 3
ORDER BY reports DESC, m.name`,
  }),

  defineSql({
    slug: 'monthly-active-members',
    title: 'Monthly active members',
    difficulty: 'medium',
    statement:
      'A gym logs each visit. For every month with at least one visit, return `month` as text `YYYY-MM` and `members`, the number of different members who visited that month. Sort by month.',
    schema: 'CREATE TABLE visits (member_id int NOT NULL, visited_at timestamp NOT NULL);',
    ordered: true,
    examples: [
      [
        insert('visits', 'member_id, visited_at', [[1, '2024-01-03 08:00'], [1, '2024-01-20 19:30'], [2, '2024-01-31 23:59'], [2, '2024-02-01 00:00']]),
        [['2024-01', 2], ['2024-02', 1]],
      ],
      ['', []],
    ],
    tests: [
      ['One visit', insert('visits', 'member_id, visited_at', [[7, '2023-12-31 12:00']]), [['2023-12', 1]]],
      ['Same member many times', insert('visits', 'member_id, visited_at', [[1, '2024-03-01 10:00'], [1, '2024-03-02 10:00'], [1, '2024-03-03 10:00']]), [['2024-03', 1]]],
      ['Across a new year', insert('visits', 'member_id, visited_at', [[1, '2025-01-01 00:00'], [2, '2024-12-31 23:59']]), [['2024-12', 1], ['2025-01', 1]]],
      ['A gap month is not listed', insert('visits', 'member_id, visited_at', [[1, '2024-01-05 09:00'], [2, '2024-03-05 09:00'], [3, '2024-03-06 09:00']]), [['2024-01', 1], ['2024-03', 2]]],
      ['Same month, different years', insert('visits', 'member_id, visited_at', [[1, '2023-05-05 09:00'], [1, '2024-05-05 09:00']]), [['2023-05', 1], ['2024-05', 1]]],
      ['Inserted out of order', insert('visits', 'member_id, visited_at', [[3, '2024-06-01 09:00'], [1, '2024-04-01 09:00'], [2, '2024-05-01 09:00']]), [['2024-04', 1], ['2024-05', 1], ['2024-06', 1]]],
    ],
    solution: `SELECT to_char(visited_at, 'YYYY-MM') AS month, COUNT(DISTINCT member_id) AS members
FROM visits
GROUP BY 1
ORDER BY 1`,
  }),

  defineSql({
    slug: 'running-total-of-donations',
    title: 'Running total of donations',
    difficulty: 'medium',
    statement:
      'A charity records one row per day with the amount given. Return every `day`, its `amount` and `so_far`, the total given up to and including that day. Sort by day.',
    schema: 'CREATE TABLE donations (day date PRIMARY KEY, amount int NOT NULL);',
    ordered: true,
    examples: [
      [insert('donations', 'day, amount', [['2024-01-02', 5], ['2024-01-01', 10], ['2024-01-04', 1]]), [['2024-01-01', 10, 10], ['2024-01-02', 5, 15], ['2024-01-04', 1, 16]]],
      ['', []],
    ],
    tests: [
      ['One day', insert('donations', 'day, amount', [['2024-02-29', 7]]), [['2024-02-29', 7, 7]]],
      ['Refunds are negative', insert('donations', 'day, amount', [['2024-01-01', 10], ['2024-01-02', -4]]), [['2024-01-01', 10, 10], ['2024-01-02', -4, 6]]],
      ['Zero days', insert('donations', 'day, amount', [['2024-01-01', 0], ['2024-01-02', 0]]), [['2024-01-01', 0, 0], ['2024-01-02', 0, 0]]],
      ['Across a year', insert('donations', 'day, amount', [['2025-01-01', 3], ['2024-12-31', 2]]), [['2024-12-31', 2, 2], ['2025-01-01', 3, 5]]],
      ['Large amounts', insert('donations', 'day, amount', [['2024-01-01', 2000000000], ['2024-01-02', 2000000000]]), [['2024-01-01', 2000000000, 2000000000], ['2024-01-02', 2000000000, 4000000000]]],
      [
        'Four days',
        insert('donations', 'day, amount', [['2024-03-04', 4], ['2024-03-01', 1], ['2024-03-03', 3], ['2024-03-02', 2]]),
        [['2024-03-01', 1, 1], ['2024-03-02', 2, 3], ['2024-03-03', 3, 6], ['2024-03-04', 4, 10]],
      ],
    ],
    solution: `SELECT day, amount, SUM(amount::bigint) OVER (ORDER BY day) AS so_far
FROM donations
ORDER BY day`,
  }),

  defineSql({
    slug: 'priciest-product-in-each-aisle',
    title: 'Priciest product in each aisle',
    difficulty: 'hard',
    statement:
      'Return `aisle`, `name` and `price` of the most expensive product of every aisle. When several products share the top price of their aisle, return all of them.',
    schema: 'CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, aisle text NOT NULL, price numeric(8, 2) NOT NULL);',
    ordered: false,
    examples: [
      [
        insert('products', 'id, name, aisle, price', [[1, 'Tea', 'drinks', 3.5], [2, 'Coffee', 'drinks', 6], [3, 'Bread', 'bakery', 2], [4, 'Cake', 'bakery', 2]]),
        [['drinks', 'Coffee', 6], ['bakery', 'Bread', 2], ['bakery', 'Cake', 2]],
      ],
      ['', []],
    ],
    tests: [
      ['One product', insert('products', 'id, name, aisle, price', [[1, 'Salt', 'spices', 0.99]]), [['spices', 'Salt', 0.99]]],
      ['Cheaper ones are left out', insert('products', 'id, name, aisle, price', [[1, 'A', 'x', 1], [2, 'B', 'x', 2], [3, 'C', 'x', 3]]), [['x', 'C', 3]]],
      ['Three aisles', insert('products', 'id, name, aisle, price', [[1, 'A', 'x', 1], [2, 'B', 'y', 2], [3, 'C', 'z', 3]]), [['x', 'A', 1], ['y', 'B', 2], ['z', 'C', 3]]],
      ['Same name in two aisles', insert('products', 'id, name, aisle, price', [[1, 'Gift', 'x', 5], [2, 'Gift', 'y', 5], [3, 'Card', 'y', 1]]), [['x', 'Gift', 5], ['y', 'Gift', 5]]],
      ['Cents decide', insert('products', 'id, name, aisle, price', [[1, 'A', 'x', 1.01], [2, 'B', 'x', 1.1]]), [['x', 'B', 1.1]]],
      ['Free products', insert('products', 'id, name, aisle, price', [[1, 'A', 'x', 0], [2, 'B', 'x', 0]]), [['x', 'A', 0], ['x', 'B', 0]]],
    ],
    solution: `SELECT aisle, name, price
FROM (SELECT aisle, name, price, RANK() OVER (PARTITION BY aisle ORDER BY price DESC) AS place FROM products) ranked
WHERE place = 1`,
  }),
];
